package io.arcanum.chain.compute;

import static io.arcanum.chain.compute.ComputeTestChain.A;
import static io.arcanum.chain.compute.ComputeTestChain.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.arcanum.chain.errors.ChainException;
import io.arcanum.chain.module.TxInfo;
import io.arcanum.crypto.tx.CodeHash;
import io.arcanum.enclave.auth.Txs;
import io.arcanum.proto.secret.compute.v1beta1.MsgInstantiateContractResponse;
import io.arcanum.proto.secret.compute.v1beta1.QueryByContractAddressRequest;
import io.arcanum.proto.secret.compute.v1beta1.QuerySecretContractRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How compute messages fail: the codes and logs clients see (secretjs-api.md §6, §6.1), and that a
 * failed message changes nothing.
 */
class ContractErrorsTest {
  ComputeTestChain chain;
  byte[] counterHash;
  byte[] contract;

  @BeforeEach
  void start() throws Exception {
    chain = new ComputeTestChain();
    byte[] counter = ComputeTestChain.contractWasm("counter");
    counterHash = CodeHash.of(counter).bytes();
    chain.storeOk(counter);
    chain.storeOk(ComputeTestChain.contractWasm("token"));
    byte[] init = chain.encrypt(counterHash, "{\"count\":1}");
    contract =
        Addresses.parse(
            chain
                .instantiate(A, 1, "counter", init, List.of(), "")
                .response(MsgInstantiateContractResponse.class)
                .getAddress(),
            "contract");
    chain.nextBlock();
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  @Test
  void aContractErrorIsComputeThreeWithAnEncryptedDetailSecretjsDecrypts() throws Exception {
    Map<String, String> before = chain.snapshot();
    byte[] reset = chain.encrypt(counterHash, "{\"reset\":{\"count\":5}}");
    ComputeTestChain.Result result = chain.execute(B, contract, reset); // Bob is not the owner
    ChainException error = result.error();
    assertThat(error.codespace()).isEqualTo("compute");
    assertThat(error.code()).isEqualTo(3);
    assertThat(error.getMessage()).matches("encrypted: [A-Za-z0-9+/=]+: execute contract failed");
    assertThat(chain.decryptError(reset, result.log())).contains("unauthorized");
    assertThat(result.gasUsed()).isGreaterThan(GasBudget.INSTANCE_COST);
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void anInstantiateErrorIsComputeTwo() throws Exception {
    Map<String, String> before = chain.snapshot();
    byte[] init = chain.encrypt(counterHash, "{\"count\":\"many\"}");
    ComputeTestChain.Result result = chain.instantiate(A, 1, "other", init, List.of(), "");
    assertThat(result.error().code()).isEqualTo(2);
    assertThat(result.error().getMessage()).endsWith(": instantiate contract failed");
    assertThat(chain.decryptError(init, result.log())).contains("count");
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void aDuplicateLabelIsComputeSix() throws Exception {
    Map<String, String> before = chain.snapshot();
    byte[] init = chain.encrypt(counterHash, "{\"count\":1}");
    ChainException error = chain.instantiate(B, 1, "counter", init, List.of(), "").error();
    assertThat(error.codespace()).isEqualTo("compute");
    assertThat(error.code()).isEqualTo(6);
    assertThat(error.getMessage()).isEqualTo("label \"counter\": contract account already exists");
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void unknownCodesAndContractsAreNotFound() throws Exception {
    Map<String, String> before = chain.snapshot();
    byte[] init = chain.encrypt(counterHash, "{\"count\":1}");
    ChainException noCode = chain.instantiate(A, 9, "nine", init, List.of(), "").error();
    assertThat(noCode.getMessage()).isEqualTo("code 9: not found");
    assertThat(noCode.code()).isEqualTo(9);

    byte[] nobody = Addresses.contract(1, 99, ComputeTestChain.ALICE);
    ChainException noContract =
        chain.execute(A, nobody, chain.encrypt(counterHash, "{\"increment\":{}}")).error();
    assertThat(noContract.getMessage())
        .isEqualTo("contract " + Addresses.bech32(nobody) + ": not found");
    assertThat(chain.snapshot()).isEqualTo(before);

    assertThatThrownBy(
            () ->
                chain.query(
                    ComputeQueryHandler.CONTRACT_INFO,
                    QueryByContractAddressRequest.newBuilder()
                        .setContractAddress(Addresses.bech32(nobody))
                        .build()))
        .isInstanceOfSatisfying(
            ChainException.class,
            e -> {
              assertThat(e.codespace()).isEqualTo("sdk");
              assertThat(e.code()).isEqualTo(38);
            })
        .hasMessage("contract " + Addresses.bech32(nobody) + ": not found");
  }

  @Test
  void aMessageForAnotherCodeHashIsRefusedByTheEnclaveWithACleanError() throws Exception {
    Map<String, String> before = chain.snapshot();
    byte[] tokenHash = CodeHash.of(ComputeTestChain.contractWasm("token")).bytes();
    ComputeTestChain.Result result =
        chain.execute(A, contract, chain.encrypt(tokenHash, "{\"increment\":{}}"));
    assertThat(result.error().codespace()).isEqualTo("compute");
    assertThat(result.error().code()).isEqualTo(3);
    assertThat(result.error().getMessage())
        .startsWith("UNAUTHORIZED: the message was encrypted for code hash ")
        .endsWith(": execute contract failed");
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void aForgedSignatureIsUnauthorizedAndChangesNothing() throws Exception {
    Map<String, String> before = chain.snapshot();
    byte[] wire = chain.encrypt(counterHash, "{\"increment\":{}}");
    byte[] any = Txs.executeAny(ComputeTestChain.BOB, contract, wire, List.of());
    TxInfo real = chain.txInfo(B, any);
    byte[] signature = real.signature().clone();
    signature[5] ^= 1;
    TxInfo forged =
        new TxInfo(
            real.index(),
            real.hash(),
            real.txBytes(),
            real.signMode(),
            real.signBytes(),
            real.publicKey(),
            signature,
            real.signer());
    ComputeTestChain.Result result =
        chain.deliver(com.google.protobuf.Any.parseFrom(any), forged, ComputeTestChain.GAS);
    assertThat(result.error().code()).isEqualTo(3);
    assertThat(result.error().getMessage())
        .startsWith("UNAUTHORIZED: ")
        .endsWith(": execute contract failed");
    assertThat(chain.snapshot()).isEqualTo(before);
  }

  @Test
  void runningOutOfGasInTheContractIsSdkElevenAndChangesNothing() throws Exception {
    byte[] increment = chain.encrypt(counterHash, "{\"increment\":{}}");
    ComputeTestChain.Result enough = chain.execute(A, contract, increment);
    long used = enough.gasUsed();
    Map<String, String> before = chain.snapshot();
    long tight = GasBudget.INSTANCE_COST + (used - GasBudget.INSTANCE_COST) / 2;
    ComputeTestChain.Result starved =
        chain.execute(
            A, contract, chain.encrypt(counterHash, "{\"increment\":{}}"), List.of(), tight);
    assertThat(starved.error().codespace()).isEqualTo("sdk");
    assertThat(starved.error().code()).isEqualTo(11);
    assertThat(starved.gasUsed()).isEqualTo(tight);
    // With these fixtures it is the encrypted state write (an OCALL on a VM thread) that runs out.
    assertThat(starved.error().getMessage()).startsWith("out of gas in location: ");
    assertThat(chain.snapshot()).isEqualTo(before);
    assertThat(chain.smartQuery(contract, counterHash, "{\"get_count\":{}}"))
        .isEqualTo("{\"count\":2}");
  }

  @Test
  void aQueryErrorIsComputeFourAndDecryptsWithTheQueryNonce() throws Exception {
    byte[] wire = chain.encrypt(counterHash, "{\"nope\":{}}");
    ChainException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            ChainException.class,
            () ->
                chain.query(
                    ComputeQueryHandler.QUERY_SECRET_CONTRACT,
                    QuerySecretContractRequest.newBuilder()
                        .setContractAddress(Addresses.bech32(contract))
                        .setQuery(ByteString.copyFrom(wire))
                        .build()));
    assertThat(error.codespace()).isEqualTo("compute");
    assertThat(error.code()).isEqualTo(4);
    // secret.js's query regex (query/compute.ts).
    Matcher m =
        Pattern.compile(
                "encrypted: (.+?): (?:instantiate|execute|query|reply to|migrate) contract failed")
            .matcher(error.getMessage());
    assertThat(m.find()).isTrue();
    assertThat(
            chain.client.txEncryptionKey(ComputeTestChain.nonceOf(wire)).decryptError(m.group(1)))
        .contains("unknown variant");
  }
}
