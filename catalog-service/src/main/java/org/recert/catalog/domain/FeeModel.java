package org.recert.catalog.domain;

public enum FeeModel {
    FREE, PER_COURSE, SUBSCRIPTION
}
