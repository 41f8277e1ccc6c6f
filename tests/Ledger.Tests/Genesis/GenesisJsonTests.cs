using System.Text.Json.Nodes;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Network;
using DaiChain.Ledger.Parameters;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Genesis;

public sealed class GenesisJsonTests
{
    private static readonly ChainRules Rules = ChainRules.WithLedgerBuiltIns().Freeze();

    private static GenesisDocument Sample() => Build.A.Genesis
        .WithAccount(Keys.Account(5).Address, 42, RoleRegistry.Governor)
        .WithNode(Keys.Node(8), NodeRole.Observer, "auditor")
        .WithParameter(LedgerParameters.UnbondingPeriodBlocks, 77)
        .Build();

    [Fact]
    public void Writes_and_reads_back_the_same_document()
    {
        var genesis = Sample();
        var json = GenesisJson.Write(genesis);
        var parsed = GenesisJson.Parse(json, Rules);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Problems));
        Assert.Equal(genesis.Hash(), parsed.Document!.Hash());
        Assert.Equal(json, GenesisJson.Write(parsed.Document));
        Assert.Equal("2026-01-01T00:00:00.000Z", GenesisJson.FormatTime(genesis.GenesisTimeMs));
    }

    [Fact]
    public void Whitespace_and_field_order_do_not_change_the_hash()
    {
        var genesis = Sample();
        var node = JsonNode.Parse(GenesisJson.Write(genesis))!.AsObject();
        var reordered = new JsonObject();
        foreach (var name in node.Select(p => p.Key).Reverse().ToList())
        {
            var value = node[name]!;
            node.Remove(name);
            reordered[name] = value;
        }

        var parsed = GenesisJson.Parse(reordered.ToJsonString(), Rules);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Problems));
        Assert.Equal(genesis.Hash(), parsed.Document!.Hash());
    }

    [Theory]
    [InlineData("validators[1].public_key is the same validator as validators[0]")]
    [InlineData("validators[0].power is 0")]
    [InlineData("validators[0].public_key 'zz' is not a compressed secp256k1 public key")]
    [InlineData("validators[0].public_key '020000000000000000000000000000000000000000000000000000000000000000' is not a compressed secp256k1 public key")]
    [InlineData("accounts[0].roles: unknown role 'wizard'")]
    [InlineData("missing field 'chain_id'")]
    [InlineData("validators[0]: missing field 'power'")]
    [InlineData("unknown field 'validatorz'")]
    [InlineData("genesis_time 'yesterday' is not an ISO 8601 time")]
    [InlineData("accounts[0].address '0x1234' is not an address")]
    [InlineData("accounts[1].address")]
    [InlineData("parameters.staking.slash_fraction_bps: staking.slash_fraction_bps must be between 0 and 10000")]
    [InlineData("parameters.nope.nothing: 'nope.nothing' is not a known parameter")]
    [InlineData("validators is empty")]
    [InlineData("chain_id 'has space'")]
    [InlineData("nodes[0].role 'leader' must be 'validator' or 'observer'")]
    [InlineData("consensus.max_block_bytes is 10")]
    public void Names_each_problem(string expected)
    {
        var json = JsonNode.Parse(GenesisJson.Write(Sample()))!.AsObject();
        var validators = json["validators"]!.AsArray();
        var accounts = json["accounts"]!.AsArray();
        switch (expected)
        {
            case var e when e.StartsWith("validators[1].public_key", StringComparison.Ordinal):
                validators[1]!["public_key"] = validators[0]!["public_key"]!.GetValue<string>();
                break;
            case var e when e.Contains("power is 0", StringComparison.Ordinal):
                validators[0]!["power"] = 0;
                break;
            case var e when e.Contains("'zz'", StringComparison.Ordinal):
                validators[0]!["public_key"] = "zz";
                break;
            case var e when e.Contains("'02000", StringComparison.Ordinal):
                validators[0]!["public_key"] = "02" + new string('0', 64);
                break;
            case var e when e.Contains("wizard", StringComparison.Ordinal):
                accounts[0]!["roles"] = new JsonArray("wizard");
                break;
            case var e when e.Contains("'chain_id'", StringComparison.Ordinal):
                json.Remove("chain_id");
                break;
            case var e when e.Contains("'power'", StringComparison.Ordinal):
                validators[0]!.AsObject().Remove("power");
                break;
            case var e when e.Contains("validatorz", StringComparison.Ordinal):
                json["validatorz"] = new JsonArray();
                break;
            case var e when e.Contains("yesterday", StringComparison.Ordinal):
                json["genesis_time"] = "yesterday";
                break;
            case var e when e.Contains("0x1234", StringComparison.Ordinal):
                accounts[0]!["address"] = "0x1234";
                break;
            case "accounts[1].address":
                accounts[1]!["address"] = accounts[0]!["address"]!.GetValue<string>();
                break;
            case var e when e.Contains("slash_fraction", StringComparison.Ordinal):
                json["parameters"]![LedgerParameters.SlashFractionBps] = 10_001;
                break;
            case var e when e.Contains("nope.nothing", StringComparison.Ordinal):
                json["parameters"]!["nope.nothing"] = 1;
                break;
            case "validators is empty":
                json["validators"] = new JsonArray();
                break;
            case var e when e.Contains("has space", StringComparison.Ordinal):
                json["chain_id"] = "has space";
                break;
            case var e when e.Contains("leader", StringComparison.Ordinal):
                json["nodes"]![0]!["role"] = "leader";
                break;
            default:
                json["consensus"]!["max_block_bytes"] = 10;
                break;
        }

        var result = GenesisJson.Parse(json.ToJsonString(), Rules);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var json = JsonNode.Parse(GenesisJson.Write(Sample()))!.AsObject();
        json["chain_id"] = "bad id";
        json["validators"]![0]!["power"] = 0;
        json["accounts"]![0]!["roles"] = new JsonArray("wizard");
        var result = GenesisJson.Parse(json.ToJsonString(), Rules);
        Assert.Equal(3, result.Problems.Count);
        var exception = new GenesisException("genesis.json", result.Problems);
        Assert.Contains("validators[0].power", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_text_that_is_not_a_json_object()
    {
        Assert.Contains("not valid JSON", GenesisJson.Parse("{", Rules).Problems.Single(), StringComparison.Ordinal);
        Assert.Contains("must be a JSON object", GenesisJson.Parse("[]", Rules).Problems.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Genesis_state_gives_the_validator_set_and_funds()
    {
        var chain = new TestChain(Sample());
        Assert.Equal(4, chain.Store.GetValidatorSet(1)!.Count);
        Assert.Equal(40UL, chain.Store.GetValidatorSet(1)!.TotalPower);
        Assert.Equal(42UL, AccountState.Get(chain.Head.State, Keys.Account(5).Address).Balance);
        Assert.True(AccountState.Get(chain.Head.State, Keys.Account(5).Address).HasRole(RoleRegistry.Governor));
        Assert.Equal(77UL, ParameterState.Get(chain.Head.State, chain.Rules.Parameters, LedgerParameters.UnbondingPeriodBlocks));
        Assert.Equal(5, NetworkNodeState.GetAll(chain.Head.State).Count);
    }
}
