package io.arcanum.enclave.process;

import io.arcanum.enclave.EnclaveContractTest;
import io.arcanum.enclave.api.Enclave;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.api.process.EnclaveProcessChild;
import io.arcanum.enclave.sealing.EnclaveMeasurement;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The enclave process as {@link EnclaveProcessMain} starts it, but with the two things the contract
 * tests vary that a real enclave never takes from its host: another build's measurement ({@code
 * --measurement <hex>}) and a replayable random source ({@code --random-seed <n>}).
 */
public final class TestEnclaveProcessMain {
  private TestEnclaveProcessMain() {}

  public static void main(String[] args) {
    EnclaveProcessChild.run(
        args,
        Enclave.class,
        EnclaveHost.class,
        (host, arguments) -> {
          EnclaveMeasurement build = EnclaveMeasurement.ofRunningBuild();
          SecureRandom random = new SecureRandom();
          List<String> rest = new ArrayList<>();
          for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
              case "--measurement" ->
                  build = new EnclaveMeasurement(HexFormat.of().parseHex(arguments.get(++i)));
              case "--random-seed" ->
                  random = EnclaveContractTest.deterministic(Long.parseLong(arguments.get(++i)));
              default -> rest.add(arguments.get(i));
            }
          }
          return EnclaveProcessMain.open(host, rest, build, random);
        },
        io.arcanum.wasm.runtime.VmThreads.factory("enclave-call"));
  }
}
