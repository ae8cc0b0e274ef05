package org.recert.compliance.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.recert.contracts.Category;

/**
 * Finds a cheapest set of courses that takes a {@link CoverageModel} state to its goal; see
 * {@link RecertificationPlanner} for the method.
 */
final class PlanSearch {

    private static final long UNREACHABLE = Long.MAX_VALUE;
    private static final int BOUND_STEPS = 1024;

    /** A step of the search: one per-course item, or one provider's subscription with its courses. */
    private record Layer(int[] items, long subscription) {
    }

    /**
     * What the search found.
     *
     * @param chosen indices of the plan's items; empty when nothing is needed; null when even every item falls short
     * @param cut    true when the step limit stopped the exact search, so the plan is the best found, not proven cheapest
     */
    record Result(int[] chosen, boolean cut) {
    }

    private final CoverageModel model;
    private final List<CoverageModel.Item> items;
    private final Map<String, Long> subscriptionCosts;
    private final long maxSteps;
    private long steps;
    private boolean cut;

    private Layer[] layers;
    private int[] boundStep;
    private long[][][] bounds;

    private PlanSearch(CoverageModel model, List<CoverageModel.Item> items, Map<String, Long> subscriptionCosts, long maxSteps) {
        this.model = model;
        this.items = items;
        this.subscriptionCosts = subscriptionCosts;
        this.maxSteps = maxSteps;
    }

    /** A cheapest plan over {@code items}, or the best found within {@code maxSteps} states visited. */
    static Result solve(CoverageModel model, List<CoverageModel.Item> items, Map<String, Long> subscriptionCosts, long maxSteps) {
        PlanSearch search = new PlanSearch(model, items, subscriptionCosts, maxSteps);
        int[] chosen = search.solve();
        return new Result(chosen, search.cut);
    }

    /** Counts one visited state; false once the limit is reached, after which the search keeps what it has. */
    private boolean step() {
        if (++steps > maxSteps) {
            cut = true;
            return false;
        }
        return true;
    }

    private int[] solve() {
        if (model.goal(model.start)) {
            return new int[0];
        }
        int[] state = model.start.clone();
        int[] next = new int[model.dims];
        for (CoverageModel.Item item : items) {
            model.apply(state, item, next);
            System.arraycopy(next, 0, state, 0, model.dims);
        }
        if (!model.goal(state)) {
            return null;
        }
        int[] kept = withoutDominated();
        layers = layers(kept);
        int[] incumbent = greedy();
        long best = cost(incumbent);
        buildBounds();
        StateTable.Pick found = search(best);
        if (found == null) {
            return incumbent;
        }
        List<Integer> chosen = new ArrayList<>();
        for (StateTable.Pick pick = found; pick != null; pick = pick.previous()) {
            chosen.add(pick.item());
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * Drops every item that enough cheaper-or-equal items dominate (they add at least as much to every need, cost no
     * more, and, for a limited unit, use no more of it). Some cheapest plan never needs such an item: swap it for a
     * dominator the plan lacks; when the plan has them all, it does not need the item either, because "enough" means
     * either as many dominators as copies of the item would meet every need it serves, or, for a limited unit (CPR
     * cards), as many dominators of that same unit as the allowance still takes, after which the item counts for
     * nothing. (Dominators of another kind do not use the allowance, so they never count toward the second.)
     * Subscription courses are compared only within their own subscription, where the fee is shared.
     */
    private int[] withoutDominated() {
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> items.get(i).cost()).thenComparing(i -> i));
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < order.length; j++) {
            CoverageModel.Item candidate = items.get(order[j]);
            int enough = usefulCopies(candidate);
            int enoughOfItsUnit = candidate.limitedDim() < 0 ? Integer.MAX_VALUE
                    : ceilDiv(model.unitsLeft(model.start, candidate), candidate.units());
            if (enough == 0 || enoughOfItsUnit == 0) {
                continue;
            }
            int dominators = 0;
            int ofItsUnit = 0;
            for (int i = 0; i < order.length && dominators < enough && ofItsUnit < enoughOfItsUnit; i++) {
                CoverageModel.Item other = items.get(order[i]);
                if (other.cost() > candidate.cost()) {
                    break;
                }
                if (i != j && dominates(other, order[i], candidate, order[j])) {
                    dominators++;
                    if (candidate.limitedDim() >= 0 && other.limitedDim() == candidate.limitedDim()) {
                        ofItsUnit++;
                    }
                }
            }
            if (dominators < enough && ofItsUnit < enoughOfItsUnit) {
                kept.add(order[j]);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** How many items like this one it takes to meet every unmet need it serves; 0 when it serves none. */
    private int usefulCopies(CoverageModel.Item item) {
        int copies = 0;
        for (int n = 0; n < model.needCount(); n++) {
            copies = Math.max(copies, ceilDiv(model.need(model.start, n), model.gain(item, n)));
        }
        for (int c = 0; c < Category.values().length; c++) {
            copies = Math.max(copies, ceilDiv(model.approvedNeedIfCapBinds(model.start, c), model.approvedGainIfCapBinds(item, c)));
        }
        return copies;
    }

    private boolean dominates(CoverageModel.Item x, int xIndex, CoverageModel.Item y, int yIndex) {
        if (x.bundle() == null ? y.bundle() != null : !x.bundle().equals(y.bundle())) {
            return false;
        }
        if (!atLeastAsGood(x, y)) {
            return false;
        }
        boolean same = atLeastAsGood(y, x);
        return !same || xIndex < yIndex;
    }

    private boolean atLeastAsGood(CoverageModel.Item x, CoverageModel.Item y) {
        if (x.cost() > y.cost()) {
            return false;
        }
        if (x.limitedDim() >= 0) {
            // A limited course uses up the allowance, so only a course of the same unit with as many units matches it.
            return y.limitedDim() == x.limitedDim() && x.units() >= y.units() && x.approved() == y.approved();
        }
        if (model.approvalMatters() && y.approved() && !x.approved()) {
            return false;
        }
        for (int c = 0; c < x.add().length; c++) {
            if (x.add()[c] < y.add()[c]) {
                return false;
            }
        }
        return true;
    }

    private Layer[] layers(int[] kept) {
        List<Layer> result = new ArrayList<>();
        Map<String, List<Integer>> bundles = new LinkedHashMap<>();
        for (int i : kept) {
            String bundle = items.get(i).bundle();
            if (bundle == null) {
                result.add(new Layer(new int[] {i}, 0));
            } else {
                bundles.computeIfAbsent(bundle, b -> new ArrayList<>()).add(i);
            }
        }
        bundles.forEach((bundle, members) -> result.add(new Layer(
                members.stream().mapToInt(Integer::intValue).toArray(), subscriptionCosts.get(bundle))));
        // Best value first: the bounds of what is left then rise fastest, which prunes most.
        int total = model.needCount() - (model.approvalMatters() ? 2 : 1);
        result.sort(Comparator.comparingDouble((Layer layer) -> {
            long cost = layer.subscription();
            long gain = 0;
            for (int i : layer.items()) {
                cost += items.get(i).cost();
                gain += model.gain(items.get(i), total);
            }
            return (double) cost / Math.max(1, gain);
        }).thenComparingInt(layer -> layer.items()[0]));
        return result.toArray(Layer[]::new);
    }

    /** A good first plan: repeatedly the course with the lowest cost per point of unmet need, then without the spare ones. */
    private int[] greedy() {
        int[] state = model.start.clone();
        int[] next = new int[model.dims];
        List<Integer> chosen = new ArrayList<>();
        boolean[] taken = new boolean[items.size()];
        List<String> subscribed = new ArrayList<>();
        while (!model.goal(state)) {
            int best = -1;
            double bestRatio = Double.POSITIVE_INFINITY;
            for (Layer layer : layers) {
                for (int i : layer.items()) {
                    if (taken[i]) {
                        continue;
                    }
                    CoverageModel.Item item = items.get(i);
                    model.apply(state, item, next);
                    long gain = 0;
                    for (int n = 0; n < model.needCount(); n++) {
                        gain += model.need(state, n) - model.need(next, n);
                    }
                    for (int c = 0; c < Category.values().length; c++) {
                        gain += model.approvedNeedIfCapBinds(state, c) - model.approvedNeedIfCapBinds(next, c);
                    }
                    if (gain <= 0) {
                        continue;
                    }
                    long cost = item.cost() + (item.bundle() != null && !subscribed.contains(item.bundle())
                            ? subscriptionCosts.get(item.bundle()) : 0);
                    double ratio = (double) cost / gain;
                    if (ratio < bestRatio) {
                        bestRatio = ratio;
                        best = i;
                    }
                }
            }
            if (best < 0) {
                throw new IllegalStateException("the catalog was found sufficient but no course makes progress");
            }
            taken[best] = true;
            chosen.add(best);
            if (items.get(best).bundle() != null && !subscribed.contains(items.get(best).bundle())) {
                subscribed.add(items.get(best).bundle());
            }
            model.apply(state, items.get(best), next);
            System.arraycopy(next, 0, state, 0, model.dims);
        }
        chosen.sort(Comparator.comparingLong((Integer i) -> items.get(i).cost()).reversed());
        for (int k = 0; k < chosen.size(); k++) {
            List<Integer> without = new ArrayList<>(chosen);
            without.remove(k);
            if (reachesGoal(without)) {
                chosen = without;
                k--;
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private boolean reachesGoal(List<Integer> chosen) {
        int[] state = model.start.clone();
        int[] next = new int[model.dims];
        for (int i : chosen) {
            model.apply(state, items.get(i), next);
            System.arraycopy(next, 0, state, 0, model.dims);
        }
        return model.goal(state);
    }

    private long cost(int[] chosen) {
        long cost = 0;
        List<String> subscribed = new ArrayList<>();
        for (int i : chosen) {
            CoverageModel.Item item = items.get(i);
            cost += item.cost();
            if (item.bundle() != null && !subscribed.contains(item.bundle())) {
                subscribed.add(item.bundle());
                cost += subscriptionCosts.get(item.bundle());
            }
        }
        return cost;
    }

    /**
     * For each need and each layer position, the least cost of gaining a given amount of that need from the layers
     * at and after the position alone (a one-dimensional covering knapsack, on a grid of at most 1024 steps with
     * gains rounded up and needs down, so the bound never overestimates; exact for needs of up to 1024 ticks: a coarser
     * grid left the many near-ties among free courses unpruned). A subscription counts as one item that
     * costs its price and gains what all its courses gain. The largest of these over the needs bounds the cost
     * still to pay from a state.
     */
    private void buildBounds() {
        int needs = model.needCount();
        boundStep = new int[needs];
        bounds = new long[needs][][];
        for (int n = 0; n < needs; n++) {
            int startNeed = model.need(model.start, n);
            int step = Math.max(1, ceilDiv(startNeed, BOUND_STEPS));
            boundStep[n] = step;
            int size = startNeed / step + 1;
            long[][] table = new long[layers.length + 1][size];
            Arrays.fill(table[layers.length], UNREACHABLE);
            table[layers.length][0] = 0;
            for (int p = layers.length - 1; p >= 0; p--) {
                Layer layer = layers[p];
                long cost = layer.subscription();
                long gain = 0;
                for (int i : layer.items()) {
                    int g = model.gain(items.get(i), n);
                    gain += g == 0 ? 0 : ceilDiv(g, step);
                    cost += layer.subscription() == 0 ? items.get(i).cost() : 0;
                }
                long[] after = table[p + 1];
                long[] here = table[p];
                for (int x = 0; x < size; x++) {
                    long skip = after[x];
                    long rest = after[(int) Math.max(0, x - gain)];
                    long take = rest == UNREACHABLE ? UNREACHABLE : rest + cost;
                    here[x] = Math.min(skip, take);
                }
            }
            bounds[n] = table;
        }
    }

    private long bound(int[] state, int position) {
        long bound = 0;
        for (int n = 0; n < bounds.length; n++) {
            long b = bounds[n][position][model.need(state, n) / boundStep[n]];
            if (b == UNREACHABLE) {
                return UNREACHABLE;
            }
            bound = Math.max(bound, b);
        }
        return bound;
    }

    /**
     * The layered dynamic programme over coverage states: after each layer, for every state reachable with the
     * layers so far, the cheapest cost and the courses that reach it; states whose cost plus bound cannot beat the
     * best plan known are dropped. Returns a plan cheaper than {@code incumbent}, or null when there is none.
     */
    private StateTable.Pick search(long incumbent) {
        long best = incumbent;
        StateTable.Pick bestPick = null;
        StateTable current = new StateTable();
        StateTable next = new StateTable();
        StateTable inner = new StateTable();
        int[] state = new int[model.dims];
        int[] after = new int[model.dims];
        current.putMin(model.encode(model.start), 0, null);
        for (int p = 0; p < layers.length && current.size() > 0; p++) {
            Layer layer = layers[p];
            next.clear();
            if (layer.subscription() == 0) {
                CoverageModel.Item item = items.get(layer.items()[0]);
                for (int e = 0; e < current.size(); e++) {
                    if (!step()) {
                        return bestPick;
                    }
                    long key = current.key(e);
                    long cost = current.cost(e);
                    model.decode(key, state);
                    if (below(cost, bound(state, p + 1), best)) {
                        next.putMin(key, cost, current.pick(e));
                    }
                    long taken = cost + item.cost();
                    if (taken >= best) {
                        continue;
                    }
                    model.apply(state, item, after);
                    StateTable.Pick pick = new StateTable.Pick(layer.items()[0], current.pick(e));
                    if (model.goal(after)) {
                        best = taken;
                        bestPick = pick;
                    } else if (below(taken, bound(after, p + 1), best)) {
                        next.putMin(model.encode(after), taken, pick);
                    }
                }
            } else {
                long price = layer.subscription();
                inner.clear();
                for (int e = 0; e < current.size(); e++) {
                    if (!step()) {
                        return bestPick;
                    }
                    long key = current.key(e);
                    long cost = current.cost(e);
                    model.decode(key, state);
                    long bound = bound(state, p + 1);
                    if (below(cost, bound, best)) {
                        next.putMin(key, cost, current.pick(e));
                    }
                    // Bound from this layer on: it prices the subscription once, which is what is paid here.
                    if (below(cost, bound(state, p), best) && cost + price < best) {
                        inner.putMin(key, cost + price, current.pick(e));
                    }
                }
                for (int i : layer.items()) {
                    CoverageModel.Item item = items.get(i);
                    StateTable.Snapshot snapshot = inner.snapshot();
                    for (int e = 0; e < snapshot.keys().length; e++) {
                        if (!step()) {
                            return bestPick;
                        }
                        long taken = snapshot.costs()[e] + item.cost();
                        if (taken >= best) {
                            continue;
                        }
                        model.decode(snapshot.keys()[e], state);
                        model.apply(state, item, after);
                        StateTable.Pick pick = new StateTable.Pick(i, snapshot.picks()[e]);
                        if (model.goal(after)) {
                            best = taken;
                            bestPick = pick;
                        } else if (below(taken - price, bound(after, p), best)) {
                            inner.putMin(model.encode(after), taken, pick);
                        }
                    }
                }
                for (int e = 0; e < inner.size(); e++) {
                    model.decode(inner.key(e), state);
                    if (below(inner.cost(e), bound(state, p + 1), best)) {
                        next.putMin(inner.key(e), inner.cost(e), inner.pick(e));
                    }
                }
            }
            StateTable swap = current;
            current = next;
            next = swap;
        }
        return bestPick;
    }

    private static boolean below(long cost, long bound, long best) {
        return bound != UNREACHABLE && cost + bound < best;
    }

    private static int ceilDiv(int need, int gain) {
        if (need <= 0 || gain <= 0) {
            return 0;
        }
        return (need + gain - 1) / gain;
    }
}
