package de.buergerservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import de.buergerservice.planning.PlanningCommandLine;

/**
 * Bürgerservice: the platform of an inter-municipal citizen service center.
 * Each top-level package is a Spring Modulith module; see docs/architecture.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Bürgerservice", sharedModules = "shared")
public class BuergerserviceApplication {

    public static void main(String[] args) {
        if (PlanningCommandLine.requested(args)) {
            // the planning table needs no server, database or demo data
            System.exit(PlanningCommandLine.run(args, System.out, System.err));
        }
        SpringApplication.run(BuergerserviceApplication.class, args);
    }
}
