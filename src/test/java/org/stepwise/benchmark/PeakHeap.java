package org.stepwise.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap a benchmark's JVM held at once: the heap in use just before each collection (read
 * from the collectors' notifications), and in use now. Start it first thing in a child JVM whose
 * only work is the measured one.
 */
public final class PeakHeap {

    private final AtomicLong peak = new AtomicLong();

    private PeakHeap() {
    }

    public static PeakHeap start() {
        PeakHeap heap = new PeakHeap();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long before = info.getGcInfo().getMemoryUsageBeforeGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum();
                    heap.peak.accumulateAndGet(before, Math::max);
                }
            }, null, null);
        }
        return heap;
    }

    /** The peak so far, in MiB. */
    public long megabytes() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(peak.get(), now) / (1024 * 1024);
    }
}
