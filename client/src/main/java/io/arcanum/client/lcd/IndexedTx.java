package io.arcanum.client.lcd;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcanum.proto.cosmos.base.abci.v1beta1.TxResponse;

/**
 * A committed tx as {@code GET /cosmos/tx/v1beta1/txs/{hash}} returns it (secretjs-api.md §3 E7).
 *
 * @param response {@code tx_response} without its {@code tx}: height, hash, code, codespace, hex
 *     {@code data}, raw log, gas and events
 * @param tx {@code tx_response.tx} as JSON ({@code body.messages[i]["@type"]} and the base64 {@code
 *     init_msg}/{@code msg} are what results are decrypted with), kept as JSON because the gateway
 *     renders compute addresses in it as bech32 where the proto has bytes; a missing node if the
 *     node sent none
 */
public record IndexedTx(TxResponse response, JsonNode tx) {}
