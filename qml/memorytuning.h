#pragma once

#include <QString>

class Hypervisor;

/**
 * The shell's memory settings, each kept because it measurably lowers the shell's resident
 * memory (bench-shell, bench/shell/rss-breakdown; figures in bench/README.md):
 *  - at most two glibc malloc arenas instead of one per thread that ever allocated;
 *  - Qt Quick's software renderer when OpenGL would only be a software rasterizer (Mesa's
 *    llvmpipe, e.g. under Xvfb or in a VM without 3D): the same items drawn with QPainter,
 *    without loading Mesa and LLVM into the process; real GPUs keep the OpenGL renderer;
 *  - freed heap memory handed back to the system once the launcher is up and after each
 *    appliance has started.
 * app/shell/main.cpp and bench-shell use it the same way.
 */
class MemoryTuning
{
public:
    /// Call first in main(), before any thread starts.
    static void limitMallocArenas();

    /// Call after QApplication exists (with its organisation and application names), before
    /// the first Qt Quick window. Keeps a choice made through QT_QUICK_BACKEND or
    /// QSG_RHI_BACKEND. Finding out which OpenGL renderer the system would give runs a short
    /// child process (this program with TESSERA_PROBE_GL=1), so Mesa is never loaded here just
    /// to ask. Its answer is kept in QSettings (graphics/openGLRenderer): the first start waits
    /// for it (about 1 s); later starts use the kept one and ask again in the background.
    static void chooseSceneGraphBackend();

    /// In main() before anything else: when this process is the OpenGL probe of
    /// chooseSceneGraphBackend(), prints the renderer and returns true (then exit with
    /// probeExitCode()).
    static bool runGlProbeIfAsked(int &argc, char **argv);
    static int probeExitCode() { return s_probeExitCode; }

    /// What chooseSceneGraphBackend() decided, for people and benchmarks.
    static QString sceneGraphDescription();

    /// Once the launcher is shown: hands freed memory back now and after each appliance starts.
    static void afterStartUp(Hypervisor *hypervisor);

    /// Returns freed heap memory to the system (malloc_trim).
    static void releaseFreeMemory();

    /// True for the names Mesa gives its software rasterizers (llvmpipe, softpipe, swrast).
    static bool isSoftwareRenderer(const QString &glRenderer);

private:
    static int s_probeExitCode;
};
