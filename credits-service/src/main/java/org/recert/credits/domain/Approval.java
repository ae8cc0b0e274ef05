package org.recert.credits.domain;

/** Whether the activity was approved by the AAMA. */
public enum Approval {
    AAMA,
    NON_AAMA
}
