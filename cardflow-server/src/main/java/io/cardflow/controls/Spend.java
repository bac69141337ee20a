package io.cardflow.controls;

/** Approved purchases of an interval: their total in minor units of the purchase currency, and how many there were. */
public record Spend(long amount, long count) {

    public static final Spend NONE = new Spend(0, 0);
}
