package io.quest.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

@Execution(ExecutionMode.CONCURRENT)
class EngineProgramTest {

    @Test
    void the_engine_connection_leaves_netty_s_native_transport_alone_unless_the_user_chose() {
        Properties unset = new Properties();
        EngineProgram.preferJavaSockets(unset);
        assertThat(unset.getProperty(EngineProgram.NO_NATIVE_TRANSPORT)).isEqualTo("true");

        Properties chosen = new Properties();
        chosen.setProperty(EngineProgram.NO_NATIVE_TRANSPORT, "false");
        EngineProgram.preferJavaSockets(chosen);
        assertThat(chosen.getProperty(EngineProgram.NO_NATIVE_TRANSPORT)).isEqualTo("false");
    }

    /** The property's name as gRPC's shaded Netty reads it: its epoll transport then says it was turned off. */
    @Test
    void shaded_netty_reads_the_property_by_that_name() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + EngineProgram.NO_NATIVE_TRANSPORT + "=true", "-cp", System.getProperty("java.class.path"),
                EpollCause.class.getName());

        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).as(output).isZero();
        assertThat(output).contains("available=false").contains("noNative=true");
    }

    /** Prints whether shaded Netty's epoll transport is available and, if not, why. */
    public static final class EpollCause {
        public static void main(String[] args) {
            Throwable cause = io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.unavailabilityCause();
            System.out.println("available=" + io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.isAvailable()
                    + " cause=" + (cause == null ? "" : cause.getMessage()));
        }
    }
}
