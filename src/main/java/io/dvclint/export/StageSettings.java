package io.dvclint.export;

import java.util.List;
import java.util.Map;

/**
 * What a stage asks of the machine that runs it, read from {@code meta.dvclint} in dvc.yaml (DVC ignores
 * {@code meta:}). Values are already in Kubernetes form: quantities as strings, the timeout in seconds. Two stages
 * with equal settings share one template in an export.
 *
 * @param cpu          CPU request ({@code "2"}, {@code "500m"}), or null
 * @param memory       memory request and limit ({@code "8Gi"}), or null
 * @param gpus         number of GPUs (0: none)
 * @param gpuResource  the extended resource that counts them ({@code nvidia.com/gpu} unless set)
 * @param nodeSelector node labels the pod must run on (empty: any node)
 * @param tolerations  taints the pod tolerates
 * @param retries      how many times a failed task is retried, or null
 * @param timeout      seconds the task may run before it is stopped, or null
 */
public record StageSettings(String cpu, String memory, long gpus, String gpuResource,
                            Map<String, String> nodeSelector, List<Toleration> tolerations, Integer retries,
                            Long timeout) {
    public static final String DEFAULT_GPU_RESOURCE = "nvidia.com/gpu";

    /** No settings: the defaults of the engine. */
    public static final StageSettings NONE = new StageSettings(null, null, 0, DEFAULT_GPU_RESOURCE, Map.of(),
            List.of(), null, null);

    /** A Kubernetes toleration; null fields are left out. */
    public record Toleration(String key, String operator, String value, String effect, Long seconds) {
    }

    public boolean isDefault() {
        return equals(NONE);
    }

    /** Whether any resource (CPU, memory, GPUs) is asked for. */
    public boolean hasResources() {
        return cpu != null || memory != null || gpus > 0;
    }
}
