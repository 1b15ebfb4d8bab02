package io.arcanum.node.home;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;

/**
 * The home's {@code node.lock}, held while something changes the home's enclave: the node, or a
 * join step run beside it ({@code arcanum enclave init}, {@code fetch-seed}), so two processes
 * never seal into one keychain at once. The same file and lock as {@code NodeRunner}'s.
 */
public final class HomeLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private HomeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @throws ConfigException if a node (or another command) holds the home
   */
  public static HomeLock acquire(NodeHome home) throws ConfigException {
    FileChannel channel = null;
    FileLock lock = null;
    try {
      channel =
          FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new ConfigException(
          "another arcanum node or command is using " + home + "; stop it first");
    }
    return new HomeLock(channel, lock);
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing held
      }
    }
  }
}
