using System.Text.Json;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.ModelRegistry.Queries;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.Node.Audit;
using DaiChain.Node.Cli;
using DaiChain.Node.Registry;

namespace DaiChain.Node.Tests.Audit;

/// <summary>A model version's provenance: proven in a bundle, checked offline, exported as JSON, CSV and in-toto/SLSA.</summary>
public sealed class ProvenanceAuditTests : IClassFixture<ProvenanceAuditTests.Home>
{
    private readonly RegistryAuditHome _home;

    public ProvenanceAuditTests(Home home)
    {
        _home = home.Value;
    }

    private string V3 => "0x" + _home.V3;

    [Fact]
    public void The_registry_chain_verifies_with_re_execution()
    {
        var result = AuditCli.Run("audit", "verify", "--home", _home.Root, "--quiet");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains($"heights 1 to {_home.Height} of {_home.Height}", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_bundle_checks_offline_with_its_whole_provenance_and_artifact()
    {
        var bundle = _home.Combine("v3.dcb");
        var proved = AuditCli.Run("audit", "prove", "--home", _home.Root, "--version", V3, "--out", bundle);
        Assert.True(proved.ExitCode == ExitCodes.Success, proved.ToString());

        var checkedBundle = AuditCli.Run("audit", "check-bundle", bundle, "--genesis", _home.GenesisPath, "--artifact", _home.ArtifactPath);
        Assert.True(checkedBundle.ExitCode == ExitCodes.Success, checkedBundle.ToString());
        var output = checkedBundle.Out;
        Assert.Contains($"version:      resnet-mini 2.0.0 ({V3})", output, StringComparison.Ordinal);
        Assert.Contains($"parent:       1.1.0 0x{_home.Scenario.V2}", output, StringComparison.Ordinal);
        Assert.Contains("ancestors:    1 more proven", output, StringComparison.Ordinal);
        Assert.Contains($"dataset:      mnist-train 0x{_home.Scenario.Dataset}", output, StringComparison.Ordinal);
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("contribution:", StringComparison.Ordinal)));
        Assert.Contains("matches the proven artifact", output, StringComparison.Ordinal);
        Assert.Contains("result:       valid", output, StringComparison.Ordinal);

        File.WriteAllBytes(_home.Combine("other.onnx"), [.. _home.ArtifactBytes, 0]);
        var wrongArtifact = AuditCli.Run("audit", "check-bundle", bundle, "--genesis", _home.GenesisPath, "--artifact", _home.Combine("other.onnx"));
        Assert.Equal(ExitCodes.Failure, wrongArtifact.ExitCode);
        Assert.Contains("is not the proven artifact", wrongArtifact.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_bundle_checks_in_a_real_process_with_only_the_bundle_and_genesis_json()
    {
        var bundle = _home.Combine("v3-offline.dcb");
        Assert.Equal(ExitCodes.Success, AuditCli.Run("audit", "prove", "--home", _home.Root, "--version", V3, "--out", bundle).ExitCode);
        using var regulator = new TestKit.TemporaryDirectory();
        File.Copy(bundle, regulator.Combine("v3.dcb"));
        File.Copy(_home.GenesisPath, regulator.Combine("genesis.json"));
        Assert.Equal(2, Directory.GetFileSystemEntries(regulator.Path).Length);

        var result = AuditCli.RunProcess(regulator.Path, "audit", "check-bundle", "v3.dcb", "--genesis", "genesis.json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"version:      resnet-mini 2.0.0 ({V3})", result.Out, StringComparison.Ordinal);
        Assert.Contains("result:       valid", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_of_the_version_record_alone_is_true_but_not_a_complete_provenance()
    {
        var bundle = _home.Combine("partial.dcb");
        var proved = AuditCli.Run("audit", "prove", "--home", _home.Root, "--key", $"{RegistrySpaces.Version}:{V3}", "--out", bundle);
        Assert.True(proved.ExitCode == ExitCodes.Success, proved.ToString());

        var checkedBundle = AuditCli.Run("audit", "check-bundle", bundle, "--genesis", _home.GenesisPath);
        Assert.Equal(ExitCodes.Failure, checkedBundle.ExitCode);
        Assert.Contains("not a complete provenance", checkedBundle.Error, StringComparison.Ordinal);
        Assert.Contains("the model card", checkedBundle.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provenance_exports_as_report_json_csv_and_in_toto_slsa()
    {
        var json = AuditCli.Run("audit", "export", "--home", _home.Root, "--version", V3, "--format", "json");
        Assert.True(json.ExitCode == ExitCodes.Success, json.ToString());
        using (var report = JsonDocument.Parse(json.Out))
        {
            Assert.Equal("daichain-provenance/v1", report.RootElement.GetProperty("format").GetString());
            Assert.Equal(V3, report.RootElement.GetProperty("version").GetProperty("id").GetString());
            Assert.True(report.RootElement.GetProperty("facts").GetArrayLength() >= 7);
        }

        var csv = AuditCli.Run("audit", "export", "--home", _home.Root, "--version", V3, "--format", "csv", "--out", _home.Combine("v3.csv"));
        Assert.True(csv.ExitCode == ExitCodes.Success, csv.ToString());
        var lines = File.ReadAllText(_home.Combine("v3.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("relation,id,name,sha256,size_bytes,licence,detail,height", lines[0]);
        Assert.StartsWith($"version,{V3},resnet-mini 2.0.0,0x{Hash256.Compute(_home.ArtifactBytes)},{_home.ArtifactBytes.Length},", lines.Single(l => l.StartsWith("version,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(l => l.StartsWith("contribution,", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("dataset,", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("parent,", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("ancestor,", StringComparison.Ordinal));

        var intoto = AuditCli.Run("audit", "export", "--home", _home.Root, "--version", V3, "--format", "intoto");
        Assert.True(intoto.ExitCode == ExitCodes.Success, intoto.ToString());
        using var statement = JsonDocument.Parse(intoto.Out);
        var root = statement.RootElement;
        Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
        Assert.Equal("https://slsa.dev/provenance/v1", root.GetProperty("predicateType").GetString());
        var subject = Assert.Single(root.GetProperty("subject").EnumerateArray().ToList());
        Assert.Equal(Hash256.Compute(_home.ArtifactBytes).ToString(), subject.GetProperty("digest").GetProperty("sha256").GetString());
        var definition = root.GetProperty("predicate").GetProperty("buildDefinition");
        Assert.Equal("urn:daichain:build-type:model-version:v1", definition.GetProperty("buildType").GetString());
        var dependencies = definition.GetProperty("resolvedDependencies").EnumerateArray().ToList();
        Assert.Contains(dependencies, d => d.GetProperty("digest").GetProperty("sha256").GetString() == _home.Scenario.Dataset.ToString());
        Assert.Contains(dependencies, d => d.GetProperty("name").GetString() == "parent:1.1.0");
        Assert.Equal(2, dependencies.Count(d => d.GetProperty("name").GetString()!.StartsWith("contribution:", StringComparison.Ordinal)));
        Assert.All(dependencies, d => Assert.StartsWith("urn:daichain:", d.GetProperty("uri").GetString(), StringComparison.Ordinal));
        var run = root.GetProperty("predicate").GetProperty("runDetails");
        Assert.StartsWith("urn:daichain:chain:", run.GetProperty("builder").GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The evaluations a version record carries (the evaluation gate fills them) reach every export: the in-toto
    /// parameters, the CSV rows and the JSON report. No transaction in this chain records one yet, so the record read
    /// from the chain gets two entries before the exports are written from it.
    /// </summary>
    [Fact]
    public void The_version_records_evaluations_are_in_the_in_toto_parameters_the_csv_and_the_json_report()
    {
        var rules = Program.CreateChainRules();
        ProvenanceReportView report;
        VersionRecord record;
        using (var data = LocalChainData.Open(Path.Combine(_home.Root, "data", "chain")))
        {
            var chain = data.Chain(rules);
            report = ModelVersionFacts.At(chain, _home.Height, _home.V3)!.Value.Report;
            record = Canonical.Decode<VersionRecord>(chain.Head.State.Get(StateKeys.For(RegistrySpaces.Version, _home.V3.ToArray()))!);
        }

        var accuracy = Hash256.Compute("accuracy result"u8);
        var latency = Hash256.Compute("latency result"u8);
        var evaluated = record with
        {
            Evaluation = EvaluationState.Rejected,
            Evaluations =
            [
                new EvaluationEntry("mnist-accuracy", EvaluationVerdict.Accepted, 9_812, 9_500, accuracy, _home.Height),
                new EvaluationEntry("mnist-latency", EvaluationVerdict.Rejected, 130, 100, latency, _home.Height),
            ],
        };
        report = report with { Version = report.Version with { Evaluation = RegistryViews.Evaluation(evaluated) } };

        using (var statement = JsonDocument.Parse(InTotoProvenance.Write(report, "00", 0)))
        {
            var evaluation = statement.RootElement.GetProperty("predicate").GetProperty("buildDefinition").GetProperty("externalParameters").GetProperty("evaluation");
            Assert.Equal("rejected", evaluation.GetProperty("status").GetString());
            var results = evaluation.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(["mnist-accuracy", "mnist-latency"], results.Select(r => r.GetProperty("benchmark").GetString()));
            Assert.Equal(["accepted", "rejected"], results.Select(r => r.GetProperty("verdict").GetString()));
            Assert.Equal(9_812, results[0].GetProperty("metricValue").GetInt64());
            Assert.Equal(9_500, results[0].GetProperty("threshold").GetInt64());
            Assert.Equal(accuracy.ToString(), results[0].GetProperty("resultSha256").GetString());
            Assert.Equal(_home.Height, results[1].GetProperty("height").GetUInt64());
        }

        var rows = ProvenanceCsv.Write(report).Split("\r\n").Where(l => l.StartsWith("evaluation,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith($"evaluation,mnist-latency,rejected,0x{latency},", rows[1], StringComparison.Ordinal);
        Assert.Contains("metric_value=130;threshold=100", rows[1], StringComparison.Ordinal);
        Assert.Contains("evaluation=rejected", ProvenanceCsv.Write(report).Split("\r\n").Single(l => l.StartsWith("version,", StringComparison.Ordinal)), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report, RegistryJson.Default.ProvenanceReportView));
        var fromJson = json.RootElement.GetProperty("version").GetProperty("evaluation").GetProperty("results");
        Assert.Equal(2, fromJson.GetArrayLength());
        Assert.Equal("mnist-accuracy", fromJson[0].GetProperty("benchmark").GetString());
    }

    [Fact]
    public void An_unknown_version_is_a_clear_error()
    {
        var unknown = "0x" + Hash256.Compute([1, 2, 3]);
        Assert.Contains("no model version", AuditCli.Run("audit", "export", "--home", _home.Root, "--version", unknown, "--format", "json").Error, StringComparison.Ordinal);
        Assert.Contains("no model version", AuditCli.Run("audit", "prove", "--home", _home.Root, "--version", unknown, "--out", _home.Combine("x")).Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, AuditCli.Run("audit", "export", "--home", _home.Root, "--version", V3, "--format", "xml").ExitCode);
    }

    /// <summary>One home for the class: building the registry chain is the slow part.</summary>
    public sealed class Home : IDisposable
    {
        public RegistryAuditHome Value { get; } = new();

        public void Dispose() => Value.Dispose();
    }
}
