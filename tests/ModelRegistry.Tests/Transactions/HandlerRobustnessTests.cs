using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Inference;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Transactions;

/// <summary>
/// A handler that throws stops the node, so none may: random mutations of valid payloads of every kind, from senders
/// with and without roles, against a chain that holds models, versions, data and receipts, always end in a receipt
/// (or a refusal at the envelope) and a committable block.
/// </summary>
public sealed class HandlerRobustnessTests
{
    [Theory]
    [MemberData(nameof(Seeds.Default), MemberType = typeof(Seeds))]
    public void Mutated_payloads_never_make_a_handler_throw(int seed)
    {
        var scenario = ProvenanceScenario.Build();
        var chain = scenario.Chain;
        var receipt = InferenceReceipt.Sign(Actors.Consumer.Signer(), chain.ChainId, scenario.V2, Actors.Provider.Address, Ledger.Primitives.Hash256.Compute("q"u8), Ledger.Primitives.Hash256.Compute("a"u8), 9);
        var payloads = new (ushort Kind, byte[] Bytes)[]
        {
            Of(Samples.Model("other")),
            Of(Samples.Version(scenario.Model, "1.2.0", scenario.V2, scenario.V1) with { Datasets = [scenario.Dataset], Contributions = [.. scenario.Contributions], Benchmarks = ["mnist-accuracy"] }),
            Of(new SetVersionStagePayload(scenario.V1, VersionStage.Archived, "old")),
            Of(new SetAliasPayload(scenario.Model, "stable", scenario.V1)),
            Of(new RevokeVersionPayload(scenario.V1, "reason")),
            Of(Samples.Dataset("more-data")),
            Of(Samples.Benchmark(scenario.Dataset, "second")),
            Of(Samples.Contribution(scenario.Model, Actors.Carol.Address)),
            Of(new OpenRoundPayload(scenario.Model, [Actors.Carol.Address], chain.Height + 10, "r")),
            Of(new CloseRoundPayload(scenario.Batch, scenario.V2)),
            Of(new RecordInferenceBatchPayload(scenario.V2, 10, scenario.Receipts.Root(), default)),
            Of(new RecordInferenceReceiptPayload(receipt)),
        };
        var senders = new[] { Actors.Alice, Actors.Bob, Actors.Carol, Actors.Provider, Actors.Curator, Actors.Mallory };
        var nonces = senders.ToDictionary(s => s.Address, s => chain.AccountOf(s.Address).Nonce);
        Property.ForAll(seed, random =>
        {
            var (kind, bytes) = payloads[random.Next(payloads.Length)];
            var mutated = bytes.ToList();
            for (var edits = random.Next(0, 4); edits > 0; edits--)
            {
                var at = random.Next(mutated.Count);
                switch (random.Next(3))
                {
                    case 0:
                        mutated[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        mutated[at] = (byte)random.Next(256);
                        break;
                    default:
                        mutated.RemoveAt(at);
                        break;
                }
            }

            var sender = senders[random.Next(senders.Length)];
            var tx = new Transaction(chain.ChainId, nonces[sender.Address], kind, mutated.ToArray()).Sign(sender.Signer());
            var (block, _) = chain.Chain.Propose([tx]);
            if (block.Transactions.Count == 1)
            {
                nonces[sender.Address]++;
                chain.Chain.Commit(block);
            }
        }, cases: 120);
    }

    private static (ushort, byte[]) Of<T>(T payload)
        where T : ICanonicalEncodable<T> => (RegistryTransactions.KindOf(payload!), Canonical.Encode(payload));
}
