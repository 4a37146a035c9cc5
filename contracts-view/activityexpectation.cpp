#include "activityexpectation.h"

#include "mountgrant.h"

bool ActivityExpectation::implies(const ActivityExpectation &other) const
{
    return access == other.access && MountGrant::storeCovers(store, other.store) && withinSecondsOfInput <= other.withinSecondsOfInput;
}
