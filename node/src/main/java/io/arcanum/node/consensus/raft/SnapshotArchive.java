package io.arcanum.node.consensus.raft;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A state checkpoint (a directory of RocksDB files, flat) as the one file Ratis ships to a lagging
 * node: a zip archive, since Ratis's simple snapshot storage moves single files with an MD5 beside
 * them.
 */
final class SnapshotArchive {
  private SnapshotArchive() {}

  /** Packs the regular files of {@code directory} (not recursively) into {@code archive}. */
  static void pack(Path directory, Path archive) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    }
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    try (OutputStream file = Files.newOutputStream(partial);
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
      zip.setLevel(1); // table files are compressed already; speed matters more
      for (Path f : files) {
        zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
    Files.move(partial, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Unpacks {@code archive} into the new directory {@code directory}.
   *
   * @throws IOException also for an entry that is not a plain file name (a snapshot from a peer
   *     must not write outside the directory)
   */
  static void unpack(Path archive, Path directory) throws IOException {
    Files.createDirectories(directory);
    try (InputStream file = Files.newInputStream(archive);
        ZipInputStream zip = new ZipInputStream(new java.io.BufferedInputStream(file, 1 << 16))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        String name = entry.getName();
        if (entry.isDirectory()
            || name.contains("/")
            || name.contains("\\")
            || name.startsWith(".")) {
          throw new IOException("snapshot " + archive + " holds an unexpected entry: " + name);
        }
        Files.copy(zip, directory.resolve(name));
      }
    }
  }
}
