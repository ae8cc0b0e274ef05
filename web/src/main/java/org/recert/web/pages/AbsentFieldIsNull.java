package org.recert.web.pages;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.quarkus.qute.EngineConfiguration;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.ValueResolver;

/**
 * The API leaves out fields that have no value (a member without consent has no status): in the templates, a field
 * of a JSON object that is absent reads as null, as one sent as null would, instead of failing the page.
 */
@EngineConfiguration
public class AbsentFieldIsNull implements ValueResolver {

    /** What Qute's own map resolver answers: a JSON field of one of these names is read with {@code get('name')}. */
    private static final Set<String> MAP_PROPERTIES = Set.of("size", "isEmpty", "empty", "keys", "keySet", "values",
            "entrySet", "get", "containsKey");

    @Override
    public int getPriority() {
        return ValueResolver.super.getPriority() + 10;
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof Map<?, ?> && context.getParams().isEmpty()
                && !MAP_PROPERTIES.contains(context.getName());
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        return CompletableFuture.completedFuture(((Map<?, ?>) context.getBase()).get(context.getName()));
    }
}
