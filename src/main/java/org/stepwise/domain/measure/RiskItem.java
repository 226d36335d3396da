package org.stepwise.domain.measure;

/**
 * The item of a measure whose response, at or above {@code atLeast}, raises the risk prompt at
 * entry and the risk flag (PHQ-9 item 9, thoughts of self-harm). {@code item} counts from 1.
 */
public record RiskItem(int item, int atLeast, Provenance provenance) {
}
