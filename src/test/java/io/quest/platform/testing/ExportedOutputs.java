package io.quest.platform.testing;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.internal.PulumiTestInternal;
import io.quest.platform.plan.StackPlan;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What code exports, captured without running a stack: it exports into a mock {@link Context}, and the
 * exported values become the outputs a faked stack reference answers with (secret outputs stay secret).
 */
final class ExportedOutputs {

    private ExportedOutputs() {
    }

    static StackPlan capture(String stack, Consumer<Context> exports) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> secret = new ArrayList<>();
        Answer<Object> recordExports = invocation -> {
            if (invocation.getMethod().getName().equals("export")) {
                String name = invocation.getArgument(0);
                Object value = invocation.getArgument(1);
                if (value instanceof Output<?> output) {
                    OutputData<?> data = PulumiTestInternal.extractOutputData(output);
                    if (!data.isKnown()) {
                        throw new IllegalArgumentException("stack " + stack + ": output " + name
                                + " is unknown; a faked reference needs known values (Output.of(...))");
                    }
                    value = data.getValueNullable();
                    if (data.isSecret()) {
                        secret.add(name);
                    }
                }
                values.put(name, value);
                return invocation.getMock();
            }
            return Mockito.RETURNS_DEFAULTS.answer(invocation);
        };
        exports.accept(Mockito.mock(Context.class, recordExports));
        return new StackPlan(stack, List.of(), List.of(), values, values, secret, List.of(), null);
    }

    /** Both captures' outputs; a name exported by both takes the later value. */
    static StackPlan merge(StackPlan first, StackPlan later) {
        Map<String, Object> values = new LinkedHashMap<>(first.outputValues());
        values.putAll(later.outputValues());
        List<String> secret = new ArrayList<>(first.secretOutputs());
        later.secretOutputs().stream().filter(s -> !secret.contains(s)).forEach(secret::add);
        return new StackPlan(first.stack(), List.of(), List.of(), values, values, secret, List.of(), null);
    }
}
