package io.quest.platform.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackApprovalsTest {

    private static final String DIGEST = "a".repeat(64);

    @Test
    void readsOneDigestPerStack() {
        assertThat(StackApprovals.parse(List.of("dev=" + DIGEST, "prod=sha256:" + "B".repeat(64))))
                .isEqualTo(Map.of("dev", DIGEST, "prod", "b".repeat(64)));
    }

    @Test
    void rejectsAnApprovalWithoutAStack() {
        assertThatThrownBy(() -> StackApprovals.parse(List.of(DIGEST)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--approve " + DIGEST + " is not STACK=DIGEST; expected for example"
                        + " --approve prod=<the 64 hex digits the gate printed for prod>");
    }

    @Test
    void rejectsTwoApprovalsForOneStack() {
        assertThatThrownBy(() -> StackApprovals.parse(List.of("dev=" + DIGEST, "dev=" + "b".repeat(64))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--approve names stack dev twice; give one digest per stack");
    }
}
