package de.buergerservice.shared;

import java.time.ZoneId;

/** Every municipality served lives in Germany: local dates and times are read in Europe/Berlin, at the edges only. */
public final class BerlinTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private BerlinTime() {}
}
