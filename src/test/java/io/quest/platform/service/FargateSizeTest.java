package io.quest.platform.service;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Fargate CPU and memory table (AWS "Task CPU and memory", Linux), and what is said about a pair outside it. */
class FargateSizeTest {

    @Test
    void the_smallest_cpu_size_takes_three_memory_sizes() {
        assertThat(FargateSize.memoryFor(256)).containsExactly(512, 1024, 2048);
    }

    @ParameterizedTest(name = "cpu {0}: {1} to {2} MiB in steps of {3} ({4} sizes)")
    @CsvSource({
            "512, 1024, 4096, 1024, 4",
            "1024, 2048, 8192, 1024, 7",
            "2048, 4096, 16384, 1024, 13",
            "4096, 8192, 30720, 1024, 23",
            "8192, 16384, 61440, 4096, 12",
            "16384, 32768, 122880, 8192, 12"})
    void each_cpu_size_takes_its_memory_range(int cpu, int smallest, int largest, int step, int count) {
        List<Integer> memory = FargateSize.memoryFor(cpu);

        assertThat(memory).hasSize(count).startsWith(smallest).endsWith(largest);
        for (int i = 1; i < memory.size(); i++) {
            assertThat(memory.get(i) - memory.get(i - 1)).isEqualTo(step);
        }
    }

    @Test
    void messages_name_the_value_and_what_would_fit() {
        assertThat(FargateSize.problem(300, 512)).contains(
                "cpu 300 is not a Fargate CPU size; expected one of 256, 512, 1024, 2048, 4096, 8192, 16384");
        assertThat(FargateSize.problem(256, 4096)).contains(
                "memory 4096 MiB does not fit cpu 256 on Fargate; expected one of 512, 1024, 2048");
        assertThat(FargateSize.problem(1024, 3000)).contains(
                "memory 3000 MiB does not fit cpu 1024 on Fargate; expected 2048 to 8192 in steps of 1024");
        assertThat(FargateSize.problem(8192, 20480)).isEmpty();
        assertThat(FargateSize.problem(8192, 18432)).contains(
                "memory 18432 MiB does not fit cpu 8192 on Fargate; expected 16384 to 61440 in steps of 4096");
        assertThatThrownBy(() -> new FargateSize(512, 512)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void a_pair_is_accepted_exactly_when_the_table_lists_it(@ForAll("cpus") int cpu, @ForAll("memories") int memoryMiB) {
        boolean listed = switch (cpu) {
            case 256 -> memoryMiB == 512 || memoryMiB == 1024 || memoryMiB == 2048;
            case 512 -> memoryMiB >= 1024 && memoryMiB <= 4096 && memoryMiB % 1024 == 0;
            case 1024 -> memoryMiB >= 2048 && memoryMiB <= 8192 && memoryMiB % 1024 == 0;
            case 2048 -> memoryMiB >= 4096 && memoryMiB <= 16384 && memoryMiB % 1024 == 0;
            case 4096 -> memoryMiB >= 8192 && memoryMiB <= 30720 && memoryMiB % 1024 == 0;
            case 8192 -> memoryMiB >= 16384 && memoryMiB <= 61440 && memoryMiB % 4096 == 0;
            case 16384 -> memoryMiB >= 32768 && memoryMiB <= 122880 && memoryMiB % 8192 == 0;
            default -> false;
        };
        assertThat(FargateSize.problem(cpu, memoryMiB).isEmpty()).isEqualTo(listed);
    }

    @Property
    void every_accepted_size_bills_memory_per_vcpu_between_2_and_8_gb(@ForAll("cpus") int cpu, @ForAll("memories") int memoryMiB) {
        if (FargateSize.problem(cpu, memoryMiB).isEmpty()) {
            FargateSize size = new FargateSize(cpu, memoryMiB);
            assertThat(size.memoryGb() / size.vcpu()).isBetween(2.0, 8.0);
        }
    }

    @Provide
    Arbitrary<Integer> cpus() {
        return Arbitraries.oneOf(Arbitraries.of(FargateSize.CPU_UNITS), Arbitraries.integers().between(1, 20000));
    }

    @Provide
    Arbitrary<Integer> memories() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 128).map(n -> n * 1024), Arbitraries.integers().between(1, 130000),
                Arbitraries.of(512));
    }
}
