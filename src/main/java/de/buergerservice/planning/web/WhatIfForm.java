package de.buergerservice.planning.web;

import java.util.Arrays;
import java.util.List;

/** The what-if page's form: numbers as typed; an empty day profile means a citizens' office day. */
public class WhatIfForm {

    private String name = "Neue Kommune";
    private Double callsPerDay = 1200.0;
    private Double ahtSeconds = 180.0;
    private String target = "90/20";
    private Double shrinkage = 0.3;
    private Double wrapUpSeconds = 10.0;
    private Double patienceSeconds = 300.0;
    private Integer agents;
    private String profile = "";
    private Integer days = 20;
    private Long seed = 1L;

    WhatIfInput input() {
        List<Double> weights = null;
        if (profile != null && !profile.isBlank()) {
            try {
                weights = Arrays.stream(profile.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .map(s -> Double.valueOf(s.replace(',', '.')))
                        .toList();
            } catch (NumberFormatException e) {
                weights = List.of(); // rejected as a profile of the wrong length
            }
        }
        return new WhatIfInput(
                name,
                callsPerDay,
                weights,
                ahtSeconds,
                null,
                wrapUpSeconds,
                patienceSeconds,
                target,
                shrinkage,
                null,
                agents,
                days,
                seed);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Double getCallsPerDay() {
        return callsPerDay;
    }

    public void setCallsPerDay(Double callsPerDay) {
        this.callsPerDay = callsPerDay;
    }

    public Double getAhtSeconds() {
        return ahtSeconds;
    }

    public void setAhtSeconds(Double ahtSeconds) {
        this.ahtSeconds = ahtSeconds;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Double getShrinkage() {
        return shrinkage;
    }

    public void setShrinkage(Double shrinkage) {
        this.shrinkage = shrinkage;
    }

    public Double getWrapUpSeconds() {
        return wrapUpSeconds;
    }

    public void setWrapUpSeconds(Double wrapUpSeconds) {
        this.wrapUpSeconds = wrapUpSeconds;
    }

    public Double getPatienceSeconds() {
        return patienceSeconds;
    }

    public void setPatienceSeconds(Double patienceSeconds) {
        this.patienceSeconds = patienceSeconds;
    }

    public Integer getAgents() {
        return agents;
    }

    public void setAgents(Integer agents) {
        this.agents = agents;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }
}
