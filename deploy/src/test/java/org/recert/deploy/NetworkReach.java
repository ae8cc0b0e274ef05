package org.recert.deploy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a connection is allowed by the NetworkPolicies of one namespace, as the Kubernetes NetworkPolicy API
 * defines it: a pod selected by a policy of a direction accepts only what some rule of those policies allows;
 * a pod no policy selects is open in that direction. Policies act only on pods of their own namespace.
 */
final class NetworkReach {

    /** A pod (namespace null: an address outside the cluster). */
    record Endpoint(String name, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
            String ip) {

        static Endpoint pod(String name, String namespace, Map<String, String> labels, String ip) {
            return new Endpoint(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, ip);
        }

        static Endpoint pod(String name, String namespace, Map<String, String> namespaceLabels,
                Map<String, String> labels, String ip) {
            return new Endpoint(name, namespace, namespaceLabels, labels, ip);
        }

        static Endpoint outside(String name, String ip) {
            return new Endpoint(name, null, Map.of(), Map.of(), ip);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final String namespace;
    private final List<Map<String, Object>> policies;

    NetworkReach(String namespace, List<Map<String, Object>> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return admitted(to, "Ingress", "ingress", "from", from, port, protocol)
                && admitted(from, "Egress", "egress", "to", to, port, protocol);
    }

    boolean allows(Endpoint from, Endpoint to, int port) {
        return allows(from, to, port, "TCP");
    }

    private boolean admitted(Endpoint subject, String type, String rulesKey, String peersKey, Endpoint peer, int port,
            String protocol) {
        if (!namespace.equals(subject.namespace())) {
            return true;
        }
        List<Map<String, Object>> selecting = policies.stream()
                .filter(p -> Yaml.list(Yaml.at(p, "spec", "policyTypes")).contains(type))
                .filter(p -> matches(Yaml.map(Yaml.at(p, "spec", "podSelector")), subject.labels()))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : selecting) {
            for (Object rule : Yaml.list(Yaml.at(policy, "spec", rulesKey))) {
                Map<String, Object> r = Yaml.map(rule);
                if (portAllowed(Yaml.list(r.get("ports")), port, protocol)
                        && peerAllowed(Yaml.list(r.get(peersKey)), peer)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean portAllowed(List<Object> ports, int port, String protocol) {
        if (ports.isEmpty()) {
            return true;
        }
        return ports.stream().map(Yaml::map).anyMatch(p -> {
            Object number = p.get("port");
            String proto = String.valueOf(p.getOrDefault("protocol", "TCP"));
            if (number instanceof String) {
                throw new IllegalArgumentException("named ports in NetworkPolicies are not checked here: " + number);
            }
            return proto.equals(protocol) && (number == null || ((Number) number).intValue() == port);
        });
    }

    private boolean peerAllowed(List<Object> peers, Endpoint peer) {
        if (peers.isEmpty()) {
            return true;
        }
        for (Object entry : peers) {
            Map<String, Object> p = Yaml.map(entry);
            if (p.containsKey("ipBlock")) {
                if (inBlock(Yaml.map(p.get("ipBlock")), peer.ip())) {
                    return true;
                }
                continue;
            }
            if (peer.namespace() == null) {
                continue;
            }
            boolean namespaceOk = p.containsKey("namespaceSelector")
                    ? matches(Yaml.map(p.get("namespaceSelector")), peer.namespaceLabels())
                    : namespace.equals(peer.namespace());
            boolean podOk = !p.containsKey("podSelector") || matches(Yaml.map(p.get("podSelector")), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        if (selector.containsKey("matchExpressions")) {
            throw new IllegalArgumentException("matchExpressions are not checked here: " + selector);
        }
        return Yaml.map(selector.get("matchLabels")).entrySet().stream()
                .allMatch(e -> Objects.equals(String.valueOf(e.getValue()), labels.get(e.getKey())));
    }

    private static boolean inBlock(Map<String, Object> block, String ip) {
        if (!inCidr(String.valueOf(block.get("cidr")), ip)) {
            return false;
        }
        return Yaml.list(block.get("except")).stream().noneMatch(except -> inCidr(String.valueOf(except), ip));
    }

    private static boolean inCidr(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr + " / " + ip, e);
        }
    }
}
