package io.arcanum.enclave.api.process;

import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.process.TestService.OtherHost;
import io.arcanum.enclave.api.process.TestService.Service;
import io.arcanum.enclave.api.process.TestService.ServiceHost;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * A child serving {@link TestService}; flags make it misbehave in the ways a start can fail. Flags
 * read here come after the transport's own arguments.
 */
public final class TestChildMain {
  private TestChildMain() {}

  public static void main(String[] args) throws Exception {
    List<String> flags = List.of(args);
    if (flags.contains("--exit-at-once")) {
      System.err.println("test child: exiting as asked");
      System.exit(7);
    }
    if (flags.contains("--never-connect")) {
      Thread.sleep(60_000);
      return;
    }
    if (flags.contains("--wrong-token")) {
      byte[] token = System.in.readNBytes(32);
      token[0] ^= 1;
      System.setIn(new ByteArrayInputStream(token));
    }
    if (flags.contains("--other-interfaces")) {
      EnclaveProcessChild.run(
          args, Service.class, OtherHost.class, (host, arguments) -> new TestService.Impl(host));
      return;
    }
    EnclaveProcessChild.run(
        args,
        Service.class,
        ServiceHost.class,
        (host, arguments) -> {
          if (arguments.contains("--refuse-open")) {
            throw new EnclaveException(Reason.SEALED_DATA_REJECTED, "sealed by another build");
          }
          return new TestService.Impl(host);
        });
  }
}
