package io.quest.platform.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Fargate task size: CPU units and memory in MiB, one of the pairs Fargate accepts (AWS "Task CPU and
 * memory" table for Linux tasks). Any other pair is refused by {@code RegisterTaskDefinition}.
 *
 * @param cpu       CPU units (1024 = 1 vCPU)
 * @param memoryMiB memory in MiB
 */
public record FargateSize(int cpu, int memoryMiB) {

    /** The CPU sizes Fargate offers, smallest first. */
    public static final List<Integer> CPU_UNITS = List.of(256, 512, 1024, 2048, 4096, 8192, 16384);

    public FargateSize {
        problem(cpu, memoryMiB).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** The memory sizes Fargate accepts with a CPU size; empty for a CPU size Fargate does not offer. */
    public static List<Integer> memoryFor(int cpu) {
        return switch (cpu) {
            case 256 -> List.of(512, 1024, 2048);
            case 512 -> steps(1024, 4096, 1024);
            case 1024 -> steps(2048, 8192, 1024);
            case 2048 -> steps(4096, 16384, 1024);
            case 4096 -> steps(8192, 30720, 1024);
            case 8192 -> steps(16384, 61440, 4096);
            case 16384 -> steps(32768, 122880, 8192);
            default -> List.of();
        };
    }

    /** Why Fargate would refuse this pair, or empty when it accepts it. */
    public static Optional<String> problem(int cpu, int memoryMiB) {
        if (!CPU_UNITS.contains(cpu)) {
            return Optional.of("cpu " + cpu + " is not a Fargate CPU size; expected one of " + join(CPU_UNITS));
        }
        if (!memoryFor(cpu).contains(memoryMiB)) {
            return Optional.of("memory " + memoryMiB + " MiB does not fit cpu " + cpu + " on Fargate; expected " + memoryText(cpu));
        }
        return Optional.empty();
    }

    /** The memory sizes a CPU size takes, as a person would say them: a list, or a range with its step. */
    public static String memoryText(int cpu) {
        List<Integer> sizes = memoryFor(cpu);
        if (sizes.size() <= 4) {
            return "one of " + join(sizes);
        }
        return sizes.get(0) + " to " + sizes.get(sizes.size() - 1) + " in steps of " + (sizes.get(1) - sizes.get(0));
    }

    /** vCPUs, as Fargate bills them. */
    public double vcpu() {
        return cpu / 1024.0;
    }

    /** Memory in GB, as Fargate bills it. */
    public double memoryGb() {
        return memoryMiB / 1024.0;
    }

    private static List<Integer> steps(int from, int to, int step) {
        List<Integer> sizes = new ArrayList<>();
        for (int m = from; m <= to; m += step) {
            sizes.add(m);
        }
        return List.copyOf(sizes);
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
