using System.Globalization;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Runtime;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>
/// Runs ONNX's backend node tests for every supported operator: model.onnx with each test_data_set_*'s inputs,
/// compared with its outputs (float32 within rtol 1e-4 / atol 1e-6, doubles within 1e-9 relative, integers,
/// bools and strings exactly).
/// </summary>
public class OnnxNodeConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in OnnxNodeTestData.Run())
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> ExcludedCases()
    {
        var data = new TheoryData<string>();
        foreach (var name in OnnxNodeTestData.Excluded())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_conformance_suite_is_installed_and_selects_tests()
    {
        Assert.True(Directory.Exists(OnnxNodeTestData.Root), $"{OnnxNodeTestData.Root} is missing: install libonnx-testdata (scripts/setup with DAICHAIN_SETUP_TEST_DEPS=1)");
        Assert.True(OnnxNodeTestData.Run().Count() > 200, "fewer node tests selected than expected");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Node_test_matches_the_reference_outputs(string name)
    {
        var dir = Path.Combine(OnnxNodeTestData.Root, name);
        var model = OnnxModelLoader.Load(File.ReadAllBytes(Path.Combine(dir, "model.onnx")), EvaluationLimits.Default);
        var sets = Directory.GetDirectories(dir, "test_data_set_*").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(sets);
        foreach (var set in sets)
        {
            var inputs = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            var fed = model.Inputs.ToList();
            for (var i = 0; File.Exists(Path.Combine(set, $"input_{i}.pb")); i++)
            {
                var proto = TensorProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(set, $"input_{i}.pb")));
                var inputName = proto.Name.Length > 0 ? proto.Name : fed[i].Name;
                inputs[inputName] = OnnxNodeTestData.ReadTensor(Path.Combine(set, $"input_{i}.pb"));
            }

            var outputs = GraphRunner.Run(model, inputs, EvaluationLimits.Default);
            for (var i = 0; i < model.Outputs.Count; i++)
            {
                var expected = OnnxNodeTestData.ReadTensor(Path.Combine(set, $"output_{i}.pb"));
                TensorAssert.Close(expected, outputs[model.Outputs[i].Name], $"{name}/{Path.GetFileName(set)} output {i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExcludedCases))]
    public void Excluded_node_test_is_rejected_with_a_clear_error(string name)
    {
        var dir = Path.Combine(OnnxNodeTestData.Root, name);
        var set = Directory.GetDirectories(dir, "test_data_set_*").Order(StringComparer.Ordinal).First();
        var e = Assert.Throws<OnnxModelException>(() =>
        {
            var model = OnnxModelLoader.Load(File.ReadAllBytes(Path.Combine(dir, "model.onnx")), EvaluationLimits.Default);
            var inputs = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            for (var i = 0; File.Exists(Path.Combine(set, $"input_{i}.pb")); i++)
            {
                inputs[model.Inputs[i].Name] = OnnxNodeTestData.ReadTensor(Path.Combine(set, $"input_{i}.pb"));
            }

            GraphRunner.Run(model, inputs, EvaluationLimits.Default);
        });
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.True(Enum.IsDefined(e.Reason), string.Create(CultureInfo.InvariantCulture, $"reason {(int)e.Reason}"));
    }
}
