package de.buergerservice.applications;

/**
 * Where an imported form comes from: {@code standard} is {@code XDF2} or {@code XDF3} (FIM XDatenfelder 2.0 or
 * 3.0.0), {@code id} and {@code version} those of the Stammdatenschema or Datenfeldgruppe, kept unchanged.
 */
public record FormSource(String standard, String id, String version) {}
