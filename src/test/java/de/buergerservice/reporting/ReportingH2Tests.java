package de.buergerservice.reporting;

import de.buergerservice.IntegrationTest;

/** The golden morning and the rebuild on H2 (the embedded default), with the demo data's Artland agreement. */
@IntegrationTest
class ReportingH2Tests extends ReportingGoldenScenario {

    @Override
    String tenantSlug() {
        return "artland";
    }

    @Override
    String user() {
        return "artland-management";
    }

    @Override
    String password() {
        return "demo";
    }
}
