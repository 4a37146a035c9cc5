#pragma once

class QTranslator;

/// Loads Tessera's translation for the person's language into @p translator and installs it;
/// where there is none (a C or POSIX locale, a language Tessera is not translated into), the
/// English one, which holds the plural forms ("1 window", "4 windows"). Every executable does this.
bool installTesseraTranslation(QTranslator *translator);
