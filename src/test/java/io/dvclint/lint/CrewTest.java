package io.dvclint.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrewTest {
    @Test
    void withoutHelpersEveryTaskRunsInOrderOnTheCallingThread() {
        List<Integer> order = new ArrayList<>();
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            tasks.add(() -> order.add(n));
        }
        new Crew().runAll(tasks);
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    void aHelperTakesTasksAndRunAllWaitsForThem() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Crew crew = new Crew();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger done = new AtomicInteger();
            CountDownLatch helperBusy = new CountDownLatch(1);
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tasks.add(() -> {
                    threads.add(Thread.currentThread().getName());
                    if (Thread.currentThread().getName().equals("helper")) helperBusy.countDown();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    done.incrementAndGet();
                });
            }
            Thread helper = new Thread(crew::help, "helper");
            helper.start();
            crew.runAll(tasks);
            assertEquals(20, done.get(), "runAll returns only when every task finished");
            assertTrue(threads.contains("helper"), "the helper took some tasks: " + threads);
            crew.close();
            helper.join(10_000);
            assertTrue(!helper.isAlive(), "close releases the helper");
        });
    }

    @Test
    void aFailingTaskDoesNotStopTheOthersAndIsRethrown() {
        AtomicInteger done = new AtomicInteger();
        List<Runnable> tasks = List.of(done::incrementAndGet, () -> {
            throw new IllegalStateException("boom");
        }, done::incrementAndGet);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Crew().runAll(tasks));
        assertEquals("boom", e.getMessage());
        assertEquals(2, done.get());
    }

    @Test
    void helpReturnsAtOnceOnAClosedCrew() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Crew crew = new Crew();
            crew.close();
            crew.help();
        });
    }
}
