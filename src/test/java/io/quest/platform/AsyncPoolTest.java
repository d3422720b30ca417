package io.quest.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncPoolTest {

    @Test
    void one_or_two_processors_get_a_pool_of_two_so_async_tasks_share_threads() {
        assertThat(AsyncPool.parallelism(1, null)).contains("2");
        assertThat(AsyncPool.parallelism(2, null)).contains("2");
    }

    @Test
    void three_or_more_processors_keep_the_jdk_default() {
        assertThat(AsyncPool.parallelism(3, null)).isEmpty();
        assertThat(AsyncPool.parallelism(16, null)).isEmpty();
    }

    @Test
    void a_parallelism_the_user_set_is_kept() {
        assertThat(AsyncPool.parallelism(2, "1")).isEmpty();
        assertThat(AsyncPool.parallelism(2, "8")).isEmpty();
    }
}
