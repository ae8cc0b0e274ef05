package org.recert.compliance.domain;

import java.util.Arrays;

/** Open-addressing map from an encoded coverage state to the cheapest known cost of reaching it and how. */
final class StateTable {

    /** The courses taken to reach a state, newest first; shared between states. */
    record Pick(int item, Pick previous) {
    }

    private static final long EMPTY = -1L;

    private long[] keys;
    private long[] costs;
    private Pick[] picks;
    private int[] usedSlots;
    private int size;

    StateTable() {
        allocate(1 << 10);
    }

    int size() {
        return size;
    }

    long key(int entry) {
        return keys[usedSlots[entry]];
    }

    long cost(int entry) {
        return costs[usedSlots[entry]];
    }

    Pick pick(int entry) {
        return picks[usedSlots[entry]];
    }

    /** Keeps the cheaper of the known and the offered way to reach a state; the first offer wins ties. */
    void putMin(long key, long cost, Pick pick) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                if (cost < costs[slot]) {
                    costs[slot] = cost;
                    picks[slot] = pick;
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        costs[slot] = cost;
        picks[slot] = pick;
        usedSlots[size++] = slot;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            int slot = usedSlots[i];
            keys[slot] = EMPTY;
            picks[slot] = null;
        }
        size = 0;
    }

    /** A copy of the entries, so that a caller may add to the table while reading them. */
    Snapshot snapshot() {
        long[] k = new long[size];
        long[] c = new long[size];
        Pick[] p = new Pick[size];
        for (int i = 0; i < size; i++) {
            k[i] = key(i);
            c[i] = cost(i);
            p[i] = pick(i);
        }
        return new Snapshot(k, c, p);
    }

    record Snapshot(long[] keys, long[] costs, Pick[] picks) {
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCosts = costs;
        Pick[] oldPicks = picks;
        int[] oldUsed = usedSlots;
        int oldSize = size;
        allocate(keys.length * 2);
        for (int i = 0; i < oldSize; i++) {
            int slot = oldUsed[i];
            putMin(oldKeys[slot], oldCosts[slot], oldPicks[slot]);
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        costs = new long[capacity];
        picks = new Pick[capacity];
        usedSlots = new int[capacity / 2 + 1];
        size = 0;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
