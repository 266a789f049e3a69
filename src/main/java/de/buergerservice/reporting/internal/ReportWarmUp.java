package de.buergerservice.reporting.internal;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The first PDF after a start paid for setting up PDFBox's standard fonts (its font mapper), AWT and JFreeChart:
 * 8–19 s on the loaded development machine, against under 2 s for every later interim report. So a small document
 * with a chart is drawn once in the background as soon as the application is ready
 * ({@code buergerservice.reporting.warm-up=false} leaves it out).
 */
@Component
class ReportWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ReportWarmUp.class);

    private final TaskScheduler scheduler;
    private final boolean enabled;

    ReportWarmUp(TaskScheduler scheduler, @Value("${buergerservice.reporting.warm-up:true}") boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (enabled) {
            scheduler.schedule(this::draw, Instant.now());
        }
    }

    private void draw() {
        long start = System.nanoTime();
        try {
            ReportDocuments.warmUp();
            log.debug("Report documents ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Report documents not warmed up (the first PDF will be slower): {}", e.toString());
        }
    }
}
