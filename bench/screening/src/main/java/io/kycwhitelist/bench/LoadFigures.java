package io.kycwhitelist.bench;

import io.kycwhitelist.screening.ListSource;
import io.kycwhitelist.screening.SanctionsLists;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long loading the lists takes (read, parse, index; first load in a fresh JVM and the
 * median of later ones) and how much heap the loaded lists hold (after full GCs).
 */
public final class LoadFigures {

    private LoadFigures() {}

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        SanctionsLists first = Workload.load();
        double firstMillis = (System.nanoTime() - start) / 1e6;
        long after = usedAfterGc(memory);

        List<Double> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            SanctionsLists again = Workload.load();
            later.add((System.nanoTime() - t) / 1e6);
            if (again.partyCount() != first.partyCount()) {
                throw new IllegalStateException("loads differ");
            }
        }
        Collections.sort(later);
        for (ListSource s : first.sources()) {
            System.out.printf("%-32s as of %-26s entries %5d  addresses %4d  sha256 %s%n", s.list(), s.asOf(), s.entries(), s.addresses(), s.sha256());
        }
        int[] names = first.nameCounts();
        System.out.printf("screened names and aliases: %d of individuals, %d of organisations; %d distinct sanctioned addresses%n",
                names[0], names[1], first.addressCount());
        System.out.printf("load (read + parse + index): first %.0f ms in a fresh JVM, then median %.0f ms (min %.0f, max %.0f) of 10%n",
                firstMillis, later.get(later.size() / 2), later.get(0), later.get(later.size() - 1));
        System.out.printf("heap held by the loaded lists: %.1f MiB (heap used after full GC: %.1f MiB before, %.1f MiB after)%n",
                (after - before) / 1048576.0, before / 1048576.0, after / 1048576.0);
        System.out.println(first.partyCount() > 0 ? "" : "no lists"); // keeps `first` reachable until here
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
