package io.arcanum.client;

import java.time.Duration;

/** Time for waiting on commits; tests substitute one that does not sleep. */
interface Ticker {
  Ticker SYSTEM =
      new Ticker() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Thread.sleep(duration);
        }
      };

  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;
}
