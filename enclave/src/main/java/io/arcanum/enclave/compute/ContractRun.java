package io.arcanum.enclave.compute;

import io.arcanum.crypto.seed.KeySchedule;
import io.arcanum.enclave.api.BlockEnv;
import io.arcanum.enclave.api.Coin;
import io.arcanum.enclave.api.ContractCall;
import io.arcanum.enclave.api.ContractKeyInfo;
import io.arcanum.enclave.api.ContractResult;
import io.arcanum.enclave.api.ContractResult.Outcome;
import io.arcanum.enclave.api.EnclaveException;
import io.arcanum.enclave.api.EnclaveException.Reason;
import io.arcanum.enclave.api.EnclaveHost;
import io.arcanum.enclave.state.ContractKey;
import io.arcanum.enclave.state.EncryptedContractStorage;
import io.arcanum.enclave.state.StateCipher;
import io.arcanum.enclave.state.WriteSalt;
import io.arcanum.wasm.CallResult;
import io.arcanum.wasm.EntryPoint;
import io.arcanum.wasm.Invocation;
import io.arcanum.wasm.WasmVm;
import io.arcanum.wasm.env.BlockInfo;
import io.arcanum.wasm.env.ContractEnv;
import io.arcanum.wasm.host.HostEnvironment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** One contract call through the VM, from the opened input to the encrypted result. */
final class ContractRun {
  private final EntryPoint entry;
  private final ContractExecutor.Target target;
  private final BlockEnv block;
  private final long gasLimit;
  private final int depth;

  private final EnclaveHost host;
  private final WasmVm vm;
  private final MessageCounter counter;

  ContractRun(
      EnclaveHost host,
      WasmVm vm,
      MessageCounter counter,
      EntryPoint entry,
      ContractExecutor.Target target,
      BlockEnv block,
      long gasLimit,
      int depth) {
    this.host = host;
    this.vm = vm;
    this.counter = counter;
    this.entry = entry;
    this.target = target;
    this.block = block;
    this.gasLimit = gasLimit;
    this.depth = depth;
  }

  ContractResult call(
      KeySchedule keys,
      ContractInput input,
      ContractKey original,
      ContractKey current,
      String sender,
      ContractCall call,
      ContractKeyInfo madeKey)
      throws EnclaveException {
    if (gasLimit < 0) {
      throw new EnclaveException(Reason.INVALID_INPUT, "the gas limit must not be negative");
    }
    long messageCounter = entry == EntryPoint.QUERY ? 0 : counter.next(block.height());
    StagedState staged = new StagedState(host.contractState());
    EncryptedContractStorage storage =
        new EncryptedContractStorage(
            staged,
            target.contract(),
            new StateCipher(keys.stateIkms(), original),
            new WriteSalt(block.timeNanos(), block.height(), messageCounter));
    byte[] random =
        block.random() == null
            ? null
            : ContractExecutor.contractRandom(
                block.random(), block.height(), current.bytes(), messageCounter);
    ContractEnv env =
        new ContractEnv(
            new BlockInfo(block.height(), block.timeNanos(), block.chainId(), random),
            target.human(),
            target.hash().hex(),
            call == null || call.transaction() == null
                ? null
                : new ContractEnv.Transaction(
                    call.transaction().index(), call.transaction().hash()),
            sender,
            call == null ? List.of() : funds(call.funds()));
    CallResult result;
    try (QueryKey queryKey = QueryKey.of(keys, input, target, block, messageCounter)) {
      EnclaveQuerier querier =
          new EnclaveQuerier(host.chainQueries(), queryKey.key(), queryKey.envelope());
      result =
          vm.call(
              target.code(),
              new Invocation(entry, env, input.message(), gasLimit, depth),
              HostEnvironment.of(storage, querier));
    } catch (EncryptedContractStorage.StateCorruptedException e) {
      throw new EnclaveException(Reason.HOST_DATA_REJECTED, e.getMessage());
    }
    return finish(keys, input, result, staged, madeKey);
  }

  private ContractResult finish(
      KeySchedule keys,
      ContractInput input,
      CallResult result,
      StagedState staged,
      ContractKeyInfo madeKey) {
    OutputEncryptor encryptor =
        new OutputEncryptor(input, target.contract(), target.hash(), keys.callbackSecret());
    boolean encrypted = input.encrypted();
    ReplyHeader header = input.replyHeaders().isEmpty() ? null : input.replyHeaders().get(0);
    switch (result.status()) {
      case OK -> {
        byte[] output;
        String data = null;
        try {
          if (entry == EntryPoint.QUERY) {
            output = encryptor.queryAnswer(result.output());
          } else {
            output = encryptor.response(result.output());
            var node = OutputEncryptor.JSON.readTree(output).get("data");
            data = node == null || node.isNull() ? null : node.asText();
          }
        } catch (OutputEncryptor.OutputException | java.io.IOException e) {
          return new ContractResult(
              Outcome.FAILED,
              null,
              "the contract's response cannot be sent: " + e.getMessage(),
              result.gasUsed(),
              null,
              null,
              null,
              encrypted);
        }
        staged.commit();
        ReplyEnvelope.Signed reply =
            header == null
                ? null
                : ReplyEnvelope.sign(input, header, data, null, keys.callbackSecret());
        return new ContractResult(
            Outcome.OK,
            output,
            null,
            result.gasUsed(),
            madeKey,
            reply == null ? null : reply.json(),
            reply == null ? null : reply.signature(),
            encrypted);
      }
      case CONTRACT_ERROR -> {
        String error = encryptor.error(result.error());
        ReplyEnvelope.Signed reply =
            header == null
                ? null
                : ReplyEnvelope.sign(input, header, null, error, keys.callbackSecret());
        return new ContractResult(
            Outcome.CONTRACT_ERROR,
            null,
            error,
            result.gasUsed(),
            null,
            reply == null ? null : reply.json(),
            reply == null ? null : reply.signature(),
            encrypted);
      }
      default -> {
        // The failure kind is the node's business; details may quote the contract, so they
        // travel like an error.
        String error = result.failure() + ": " + encryptor.error(result.error());
        return new ContractResult(
            Outcome.FAILED, null, error, result.gasUsed(), null, null, null, encrypted);
      }
    }
  }

  private static List<io.arcanum.wasm.env.Coin> funds(List<Coin> coins) throws EnclaveException {
    List<io.arcanum.wasm.env.Coin> out = new ArrayList<>();
    for (Coin coin : coins) {
      try {
        out.add(new io.arcanum.wasm.env.Coin(coin.denom(), new BigInteger(coin.amount())));
      } catch (RuntimeException e) {
        throw new EnclaveException(
            Reason.INVALID_INPUT, "funds amount '" + coin.amount() + "' is not a decimal integer");
      }
    }
    return out;
  }
}
