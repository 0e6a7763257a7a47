package io.pusherj.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReceiveOrderTest {
    private final ReceiveOrder order = new ReceiveOrder();

    private void assertCounts(long received, long duplicates, long outOfOrder) {
        assertEquals(received, order.received(), "received");
        assertEquals(duplicates, order.duplicates(), "duplicates");
        assertEquals(outOfOrder, order.outOfOrder(), "out of order");
    }

    @Test
    void inOrderEverythingIsReceivedOnceAndRepeatsAreDuplicates() {
        LongStream.range(0, 10).forEach(order::receive);
        order.receive(3);
        order.receive(9);
        assertCounts(10, 2, 0);
    }

    @Test
    void aLatePublicationIsOutOfOrderOnceAndAfterThatADuplicate() {
        order.receive(0);
        order.receive(2); // 1 is missing so far
        order.receive(3);
        assertCounts(3, 0, 0);
        order.receive(1);
        assertCounts(4, 0, 1);
        order.receive(1);
        order.receive(2);
        order.receive(0);
        assertCounts(4, 3, 1);
    }

    @Test
    void aGapThatIsNeverFilledLeavesThoseMissingWithoutCountingThem() {
        order.receive(0);
        order.receive(5);
        assertCounts(2, 0, 0);
    }

    @Test
    void pastTheWindowALatePublicationCountsAsOutOfOrder() {
        order.receive(0);
        order.receive(2);
        long far = 2 + ReceiveOrder.WINDOW + 10;
        order.receive(far); // publication 1 is now older than the window remembers
        order.receive(1);
        assertCounts(4, 0, 1);
        order.receive(far - 1); // inside the window and missing: late, once
        order.receive(far - 1);
        assertCounts(5, 1, 2);
    }

    @Test
    void aJumpLongerThanTheWindowForgetsTheOldBitsAndNotTheNewOnes() {
        order.receive(0);
        order.receive(1);
        order.receive(3);
        order.receive(3 + 5 * ReceiveOrder.WINDOW);
        order.receive(3 + 5 * ReceiveOrder.WINDOW - 1);
        order.receive(3 + 5 * ReceiveOrder.WINDOW);
        assertCounts(5, 1, 1);
    }
}
