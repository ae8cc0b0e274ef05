package org.recert.deploy;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Validation against the Kubernetes API schema, offline: the models of the official Kubernetes Java client are
 * generated from the Kubernetes OpenAPI document, and their fromJson rejects a field the schema does not define
 * (at any depth), a missing required field, and a value of the wrong type (a number, a quantity, an int-or-string).
 */
final class KubernetesSchema {

    /** The API groups and kinds this project deploys; anything else must be added here knowingly. */
    private static final Map<String, Validator> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", V1ConfigMap::fromJson),
            Map.entry("v1/Secret", V1Secret::fromJson),
            Map.entry("v1/Service", V1Service::fromJson),
            Map.entry("v1/ServiceAccount", V1ServiceAccount::fromJson),
            Map.entry("v1/Namespace", V1Namespace::fromJson),
            Map.entry("apps/v1/Deployment", V1Deployment::fromJson),
            Map.entry("batch/v1/Job", V1Job::fromJson),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::fromJson),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::fromJson),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::fromJson),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress::fromJson));

    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    private interface Validator {
        Object parse(String json) throws IOException;
    }

    private KubernetesSchema() {
    }

    /** Null when the document conforms; otherwise why not. */
    static String violation(Map<String, Object> document) {
        String type = document.get("apiVersion") + "/" + document.get("kind");
        Validator validator = KINDS.get(type);
        if (validator == null) {
            return "no schema for " + type + " (add it to KubernetesSchema.KINDS)";
        }
        try {
            validator.parse(JSON.writeValueAsString(document));
            return null;
        } catch (JsonProcessingException e) {
            return "not JSON: " + e.getMessage();
        } catch (IOException | RuntimeException e) {
            return type + " " + ((Map<?, ?>) document.get("metadata")).get("name") + ": " + e.getMessage();
        }
    }
}
