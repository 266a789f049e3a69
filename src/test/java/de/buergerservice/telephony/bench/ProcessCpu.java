package de.buergerservice.telephony.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a process and all its descendants, from {@code /proc/<pid>/stat} (utime + stime), so a server made of
 * several processes (Kamailio forks its workers) is measured the same way as one JVM. Linux only.
 */
final class ProcessCpu {

    /** USER_HZ: the unit of utime/stime; 100 on every Linux architecture the JVM runs on (sysconf(_SC_CLK_TCK)). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** CPU seconds used so far by {@code pid} and its descendants (those still running). */
    static double seconds(long pid) throws IOException {
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                String stat;
                try {
                    stat = Files.readString(proc.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // the command name in parentheses may hold spaces: the fields that follow start after the last ')'
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long id = Long.parseLong(proc.getFileName().toString());
                parent.put(id, Long.parseLong(f[1]));
                ticks.put(id, Long.parseLong(f[11]) + Long.parseLong(f[12]));
            }
        }
        long sum = 0;
        List<Long> tree = new ArrayList<>(List.of(pid));
        for (int i = 0; i < tree.size(); i++) {
            long id = tree.get(i);
            sum += ticks.getOrDefault(id, 0L);
            parent.forEach((child, p) -> {
                if (p == id) {
                    tree.add(child);
                }
            });
        }
        return (double) sum / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds used so far by the threads of one process, grouped by thread name with its digits removed (Linux
     * keeps the first 15 characters): {@code GC Thread#}, {@code C2 CompilerThre}, {@code call-event-writ} … — to see
     * which part of a JVM server a change made cheaper.
     */
    static Map<String, Double> byThread(long pid) throws IOException {
        Map<String, Double> groups = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                        .replaceAll("[0-9]+", "")
                        .strip();
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (double) (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
                groups.merge(name, seconds, Double::sum);
            }
        }
        return groups;
    }
}
