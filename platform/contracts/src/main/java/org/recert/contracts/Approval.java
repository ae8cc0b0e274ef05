package org.recert.contracts;

/** Whether the activity a credit was issued for was approved by the AAMA. */
public enum Approval {
    AAMA,
    NON_AAMA
}
