package io.arcanum.client;

/**
 * A message for a tx, in the SDK's terms (secret.js's {@code Msg} classes): the client turns it
 * into its proto {@code Any} when signing, with the wallet as sender, contract messages encrypted
 * and code hashes looked up when not given.
 */
public sealed interface TxMsg
    permits StoreCode, InstantiateContract, ExecuteContract, BankSend, AnyMsg {}
