using System.Text.Json.Nodes;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;

namespace DaiChain.EndToEnd.Tests;

/// <summary>Signed transfers, built the way any client builds them, as tx_submit parameters.</summary>
public static class Transfers
{
    public const string ChainId = "daichain-devnet";

    public static SignedTransaction Sign(PrivateKey from, ulong nonce, Address to, ulong amount, string memo = "") =>
        new Transaction(ChainId, nonce, TransactionKinds.Transfer, Canonical.Encode(new TransferPayload(to, amount, memo))).Sign(new InMemorySigner(from));

    public static JsonObject SubmitParams(SignedTransaction transaction, bool wait) =>
        new() { ["tx"] = "0x" + Hex.Encode(transaction.Encoded), ["wait"] = wait };

    public static string HashOf(SignedTransaction transaction) => "0x" + transaction.Hash;
}
