using System.Numerics;
using DaiChain.Ledger.Encoding;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Inference;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;
using DaiChain.TestKit;

namespace DaiChain.ModelRegistry.Tests.Records;

/// <summary>
/// Every registry record and payload has one encoding: decoding then re-encoding gives the same bytes, truncated
/// or extended bytes fail, and random mutations either fail with a <see cref="CodecException"/> or decode to a value
/// whose encoding is exactly the mutated bytes.
/// </summary>
public sealed class CanonicalFormTests
{
    public static TheoryData<string> Types => [.. Samples().Keys];

    [Theory]
    [MemberData(nameof(Types))]
    public void Round_trips_and_rejects_truncation_and_trailing_bytes(string type)
    {
        var (bytes, roundTrip) = Samples()[type];
        Assert.Equal(bytes, roundTrip(bytes));
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.Throws<CodecException>(() => roundTrip(prefix));
        }

        Assert.Throws<CodecException>(() => roundTrip([.. bytes, 0]));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Mutated_bytes_either_fail_cleanly_or_are_canonical(string type)
    {
        var (bytes, roundTrip) = Samples()[type];
        Property.ForAll(type.Length * 7919, random =>
        {
            var mutated = bytes.ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                switch (random.Next(3))
                {
                    case 0 when mutated.Count > 0:
                        mutated[random.Next(mutated.Count)] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        mutated.Insert(random.Next(mutated.Count + 1), (byte)random.Next(256));
                        break;
                    default:
                        if (mutated.Count > 0)
                        {
                            mutated.RemoveAt(random.Next(mutated.Count));
                        }

                        break;
                }
            }

            byte[] reencoded;
            try
            {
                reencoded = roundTrip([.. mutated]);
            }
            catch (CodecException)
            {
                return;
            }

            Assert.Equal([.. mutated], reencoded);
        }, cases: 200);
    }

    private static Dictionary<string, (byte[] Bytes, Func<byte[], byte[]> RoundTrip)> Samples()
    {
        var random = new Random(4);
        var model = RegistryTestKit.Samples.ModelId(Actors.Alice.Address);
        var receipt = InferenceReceipt.Sign(Actors.Consumer.Signer(), "daichain-test", random.NextHash(), Actors.Provider.Address, random.NextHash(), random.NextHash(), 123_456);
        var version = new VersionRecord
        {
            Id = random.NextHash(),
            ModelId = model,
            Semver = "1.2.3-rc.1+b5",
            ArtifactHash = random.NextHash(),
            ArtifactSize = 77_000,
            Parents = [random.NextHash(), random.NextHash()],
            Datasets = [random.NextHash()],
            Contributions = [random.NextHash()],
            HyperparametersHash = random.NextHash(),
            ModelCardHash = random.NextHash(),
            ModelCardBytes = 310,
            Benchmarks = ["mnist-accuracy"],
            RegisteredHeight = 9,
            RegisteredBy = Actors.Alice.Address,
            Stage = VersionStage.Production,
            StageHeight = 10,
            ClosedRound = random.NextHash(),
            Revocation = new Revocation("bad data", 11, Actors.Alice.Address),
            Evaluation = EvaluationState.Accepted,
            Evaluations = [new EvaluationEntry("mnist-accuracy", EvaluationVerdict.Accepted, 9_812, 9_000, random.NextHash(), 12)],
            RewardShares = new[] { new RewardShare(Actors.Alice.Address, 5), new RewardShare(Actors.Bob.Address, 7) }.OrderBy(s => s.Contributor).ToArray(),
        };
        var definition = RegistryTestKit.Samples.Benchmark(random.NextHash()).Definition with
        {
            PositiveLabel = 3,
            LabelMapping = [new LabelMapEntry("cat", 3), new LabelMapEntry("dog", 5)],
            Inputs = [new InputBinding("pixels", 0, 784)],
        };
        return new()
        {
            ["model"] = Of(new ModelRecord
            {
                Id = model,
                Creator = Actors.Alice.Address,
                Name = "resnet-mini",
                Description = "d",
                TaskType = "image-classification",
                Licence = "MIT",
                Owners = [.. new[] { Actors.Alice.Address, Actors.Bob.Address }.Order()],
                CreatedHeight = 3,
                VersionCount = 2,
                LatestVersion = random.NextHash(),
                LatestSemver = "2.0.0",
            }),
            ["version"] = Of(version),
            ["version-unrevoked"] = Of(version with { Revocation = null, Evaluations = [], RewardShares = [] }),
            ["card"] = Of(new ModelCard("# card\nwith ünïcode")),
            ["dataset"] = Of(new DatasetRecord { Hash = random.NextHash(), Owner = Actors.Carol.Address, Name = "set", SizeBytes = 10, Schema = "{}", Licence = "CC0-1.0", Visibility = DatasetVisibility.Private, RegisteredHeight = 2 }),
            ["benchmark"] = Of(new BenchmarkRecord { Name = "b", Description = "d", Definition = definition, RegisteredBy = Actors.Curator.Address, RegisteredHeight = 4 }),
            ["contribution"] = Of(new ContributionRecord { Id = random.NextHash(), Target = ContributionTarget.Round, ModelId = model, RoundId = random.NextHash(), Contributor = Actors.Carol.Address, RecordedBy = Actors.Carol.Address, DatasetCommitment = random.NextHash(), SampleCount = 10, ComputeUnits = 20, UpdateArtifact = random.NextHash(), Height = 5 }),
            ["round"] = Of(new RoundRecord { Id = random.NextHash(), ModelId = model, OpenedBy = Actors.Alice.Address, Participants = [.. new[] { Actors.Carol.Address, Actors.Bob.Address }.Order()], DeadlineHeight = 50, OpenedHeight = 5, Description = "r", Status = RoundStatus.Closed, ContributionCount = 2, ClosedHeight = 40, AggregatedVersion = random.NextHash() }),
            ["batch"] = Of(new InferenceBatchRecord { Id = random.NextHash(), VersionId = random.NextHash(), Provider = Actors.Provider.Address, ReceiptCount = 1, ReceiptsRoot = random.NextHash(), ReceiptsArtifact = default, Height = 6, Epoch = 0, Receipt = receipt }),
            ["usage"] = Of(new VersionUsage(3, 3_000, 9)),
            ["stage-change"] = Of(new StageChange(VersionStage.Archived, 9, Actors.Alice.Address, "old")),
            ["alias"] = Of(new AliasRecord(model, "champion", random.NextHash(), 8, Actors.Alice.Address)),
            ["epoch"] = Of(new EpochState(4, 401, 10, 2)),
            ["epoch-reward"] = Of(new EpochRewardRecord { Epoch = 4, StartHeight = 401, EndHeight = 500, Receipts = 10, ServedVersions = 2, Pool = 1_000, Distributed = 1_000, Recipients = 3, TotalScore = BigInteger.Pow(2, 130) + 7 }),
            ["reward"] = Of(new RewardEntry(4, 333, 500)),
            ["receipt"] = Of(receipt),
            ["receipt-batch"] = Of(new ReceiptBatch(receipt.VersionId, receipt.Provider, [receipt, receipt])),
            ["p-register-model"] = Of(RegistryTestKit.Samples.Model("m", Actors.Bob.Address)),
            ["p-register-version"] = Of(RegistryTestKit.Samples.Version(model, "1.0.0", random.NextHash()) with { Benchmarks = ["x"], Datasets = [random.NextHash()] }),
            ["p-set-stage"] = Of(new SetVersionStagePayload(random.NextHash(), VersionStage.Staging, "n")),
            ["p-set-alias"] = Of(new SetAliasPayload(model, "champion", random.NextHash())),
            ["p-revoke"] = Of(new RevokeVersionPayload(random.NextHash(), "why")),
            ["p-dataset"] = Of(RegistryTestKit.Samples.Dataset()),
            ["p-benchmark"] = Of(new RegisterBenchmarkPayload("b", "d", definition)),
            ["p-contribution"] = Of(RegistryTestKit.Samples.Contribution(model, Actors.Carol.Address)),
            ["p-open-round"] = Of(new OpenRoundPayload(model, [Actors.Carol.Address], 100, "d")),
            ["p-close-round"] = Of(new CloseRoundPayload(random.NextHash(), random.NextHash())),
            ["p-batch"] = Of(new RecordInferenceBatchPayload(random.NextHash(), 1_000, random.NextHash(), random.NextHash())),
            ["p-receipt"] = Of(new RecordInferenceReceiptPayload(receipt)),
        };
    }

    private static (byte[], Func<byte[], byte[]>) Of<T>(T value)
        where T : ICanonicalEncodable<T> => (Canonical.Encode(value), static bytes => Canonical.Encode(Canonical.Decode<T>(bytes)));
}
