package io.kycwhitelist.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kycwhitelist.support.PackagedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest of k8s/ read into typed Kubernetes objects (fabric8's model), and checked
 * against each other and against the service: selectors and labels, ports and probe paths,
 * ConfigMap and Secret references, the settings production requires, pinned images.
 */
class K8sManifestsTest {

    static final Path BASE = Path.of("k8s", "base");
    static final Path PROD = Path.of("k8s", "overlays", "prod");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "ConfigMap", ConfigMap.class,
            "Deployment", Deployment.class,
            "Service", Service.class,
            "Ingress", Ingress.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "NetworkPolicy", NetworkPolicy.class);
    /** Custom resources of the CloudNativePG operator, read generically. */
    static final Set<String> CUSTOM = Set.of("postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 ScheduledBackup");

    static final List<HasMetadata> OBJECTS = read();

    static List<HasMetadata> read() {
        List<HasMetadata> objects = new ArrayList<>();
        try {
            JsonNode kustomization = YAML.readTree(BASE.resolve("kustomization.yaml").toFile());
            for (JsonNode resource : kustomization.get("resources")) {
                Path file = BASE.resolve(resource.asText());
                YAMLParser parser = new YAMLFactory().createParser(file.toFile());
                for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                    String kind = document.path("kind").asText();
                    String apiVersion = document.path("apiVersion").asText();
                    if (CUSTOM.contains(apiVersion + " " + kind)) {
                        objects.add(YAML.treeToValue(document, GenericKubernetesResource.class));
                    } else if (KINDS.containsKey(kind)) {
                        objects.add(YAML.treeToValue(document, KINDS.get(kind))); // unknown fields fail here
                    } else {
                        fail(file + ": a " + apiVersion + " " + kind + " this test does not know");
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> all(Class<T> type) {
        return OBJECTS.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return found.get(0);
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    @Test
    void theKustomizationListsEveryManifest() throws IOException {
        Set<String> listed = new HashSet<>();
        YAML.readTree(BASE.resolve("kustomization.yaml").toFile()).get("resources").forEach(r -> listed.add(r.asText()));
        try (Stream<Path> files = Files.list(BASE)) {
            Set<String> present = new HashSet<>(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).toList());
            assertEquals(present, listed);
        }
        JsonNode prod = YAML.readTree(PROD.resolve("kustomization.yaml").toFile());
        assertEquals("../../base", prod.get("resources").get(0).asText());
        prod.get("patches").forEach(p -> assertTrue(Files.exists(PROD.resolve(p.get("path").asText())), p.toString()));
        assertFalse(prod.get("images").get(0).get("newTag").asText().equals("latest"));
    }

    @Test
    void selectorsMatchTheLabelsOfThePods() {
        Deployment deployment = one(Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(selects(deployment.getSpec().getSelector().getMatchLabels(), podLabels), "the Deployment selects its pods");
        assertTrue(selects(one(Service.class).getSpec().getSelector(), podLabels), "the Service selects the pods");
        assertTrue(selects(one(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels(), podLabels), "the PDB");
        assertTrue(selects(one(NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels(), podLabels), "the NetworkPolicy");
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);
        assertTrue(deployment.getSpec().getReplicas() >= 2, "at least two replicas");
    }

    @Test
    void portsAndProbePathsAreTheServices() {
        Container container = one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(8080, container.getPorts().get(0).getContainerPort(), "quarkus.http.port");
        assertEquals(9000, container.getPorts().get(1).getContainerPort(), "quarkus.management.port");
        String portName = container.getPorts().get(0).getName();
        String managementPort = container.getPorts().get(1).getName();
        Service service = one(Service.class);
        assertEquals(1, service.getSpec().getPorts().size(), "the Service exposes the API only, never the management interface");
        ServicePort servicePort = service.getSpec().getPorts().get(0);
        assertEquals(portName, servicePort.getTargetPort().getStrVal());
        assertEquals("9000", one(Deployment.class).getSpec().getTemplate().getMetadata().getAnnotations().get("prometheus.io/port"));
        IngressBackend backend = one(Ingress.class).getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend();
        assertEquals(service.getMetadata().getName(), backend.getService().getName());
        assertEquals(servicePort.getName(), backend.getService().getPort().getName());
        Map<String, Probe> probes = Map.of("/q/health/started", container.getStartupProbe(), "/q/health/live", container.getLivenessProbe(),
                "/q/health/ready", container.getReadinessProbe());
        probes.forEach((path, probe) -> {
            assertNotNull(probe, path);
            assertEquals(path, probe.getHttpGet().getPath());
            assertEquals(new IntOrString(managementPort), probe.getHttpGet().getPort(), "probes use the management interface");
        });
        var ingressRules = one(NetworkPolicy.class).getSpec().getIngress();
        List<Integer> allowedIn = ingressRules.stream()
                .flatMap(r -> r.getPorts().stream()).map(NetworkPolicyPort::getPort).map(IntOrString::getIntVal).toList();
        assertEquals(List.of(8080, 9000), allowedIn, "the service's port from the ingress controller, the management port from monitoring");
        assertEquals("ingress-nginx", ingressRules.get(0).getFrom().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
        assertEquals("monitoring", ingressRules.get(1).getFrom().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
        List<Integer> allowedOut = one(NetworkPolicy.class).getSpec().getEgress().stream()
                .flatMap(r -> r.getPorts().stream()).map(NetworkPolicyPort::getPort).map(IntOrString::getIntVal).distinct().toList();
        assertEquals(List.of(5432, 53), allowedOut, "PostgreSQL and DNS only");
    }

    @Test
    void thePodRunsAsNonRootOnAReadOnlyFilesystemWithLimits() {
        var pod = one(Deployment.class).getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertFalse(pod.getAutomountServiceAccountToken());
        for (Container c : pod.getContainers()) {
            assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem(), c.getName());
            assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation(), c.getName());
            assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(c.getResources().getRequests().get(resource), "request " + resource);
                assertNotNull(c.getResources().getLimits().get(resource), "limit " + resource);
            }
            assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), "a writable /tmp");
        }
    }

    @Test
    void imagesArePinnedByTag() {
        List<String> images = new ArrayList<>();
        one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().forEach(c -> images.add(c.getImage()));
        all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals("Cluster"))
                .forEach(r -> images.add(String.valueOf(((Map<?, ?>) r.getAdditionalProperties().get("spec")).get("imageName"))));
        assertEquals(2, images.size());
        for (String image : images) {
            String tag = image.contains("@sha256:") ? "digest" : image.substring(image.lastIndexOf('/') + 1).contains(":")
                    ? image.substring(image.lastIndexOf(':') + 1) : "";
            assertFalse(tag.isEmpty() || tag.equals("latest"), image + " is pinned");
        }
    }

    @Test
    void everyReferencedSettingExistsOrIsDocumentedAndProductionGetsAllItNeeds() throws IOException {
        String readme = Files.readString(Path.of("k8s", "README.md"));
        Map<String, Set<String>> configMaps = new HashMap<>();
        all(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(), c.getData().keySet()));
        var pod = one(Deployment.class).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Set<String> given = new HashSet<>();
        container.getEnvFrom().forEach(source -> {
            assertNotNull(source.getConfigMapRef(), "settings come from the ConfigMap, secrets one by one");
            Set<String> keys = configMaps.get(source.getConfigMapRef().getName());
            assertNotNull(keys, "the ConfigMap " + source.getConfigMapRef().getName() + " is in the manifests");
            given.addAll(keys);
        });
        for (EnvVar env : container.getEnv()) {
            given.add(env.getName());
            var secret = env.getValueFrom().getSecretKeyRef();
            assertNotNull(secret, env.getName() + " is a secret reference, not a value");
            assertTrue(readme.contains("| `" + secret.getName() + "` | `" + secret.getKey() + "` |"),
                    "the Secret " + secret.getName() + "/" + secret.getKey() + " is documented in k8s/README.md");
        }
        for (Volume volume : pod.getVolumes()) {
            if (volume.getSecret() != null) {
                volume.getSecret().getItems().forEach(item -> assertTrue(
                        readme.contains("| `" + volume.getSecret().getSecretName() + "` | `" + item.getKey() + "` |"), item.getKey()));
            }
        }
        one(Ingress.class).getSpec().getTls().forEach(tls -> assertTrue(readme.contains("| `" + tls.getSecretName() + "` | `tls.crt` |")));
        assertTrue(given.containsAll(PackagedService.REQUIRED_SETTINGS), "production requires " + PackagedService.REQUIRED_SETTINGS
                + ", the Deployment gives " + given);
        assertFalse(configMaps.get("kyc-whitelist-config").contains("KYC_RATE_LIMIT_TRUSTED_PROXIES"),
                "no proxy is trusted by default: the overlay names the ingress controller's pods");
        String keyLocation = configMaps.get("kyc-whitelist-config").contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                ? one(ConfigMap.class).getData().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION") : null;
        assertTrue(container.getVolumeMounts().stream().anyMatch(m -> keyLocation.startsWith(m.getMountPath() + "/")),
                "the issuer's key is mounted where the setting points");
    }

    @Test
    void thePostgresClusterHasBackupsDeclared() {
        List<GenericKubernetesResource> custom = all(GenericKubernetesResource.class);
        GenericKubernetesResource cluster = custom.stream().filter(r -> r.getKind().equals("Cluster")).findFirst().orElseThrow();
        Map<?, ?> spec = (Map<?, ?>) cluster.getAdditionalProperties().get("spec");
        assertTrue((Integer) spec.get("instances") >= 2, "a primary and a replica at least");
        Map<?, ?> backup = (Map<?, ?>) spec.get("backup");
        assertNotNull(backup.get("barmanObjectStore"));
        assertNotNull(backup.get("retentionPolicy"));
        GenericKubernetesResource scheduled = custom.stream().filter(r -> r.getKind().equals("ScheduledBackup")).findFirst().orElseThrow();
        assertEquals(cluster.getMetadata().getName(), ((Map<?, ?>) ((Map<?, ?>) scheduled.getAdditionalProperties().get("spec")).get("cluster")).get("name"));
        String jdbc = one(ConfigMap.class).getData().get("QUARKUS_DATASOURCE_JDBC_URL");
        assertTrue(jdbc.startsWith("jdbc:postgresql://" + cluster.getMetadata().getName() + "-rw:5432/"), "the service reaches the cluster's primary: " + jdbc);
        var egress = one(NetworkPolicy.class).getSpec().getEgress().get(0).getTo().get(0).getPodSelector().getMatchLabels();
        assertEquals(Map.of("cnpg.io/cluster", cluster.getMetadata().getName()), egress);
    }
}
