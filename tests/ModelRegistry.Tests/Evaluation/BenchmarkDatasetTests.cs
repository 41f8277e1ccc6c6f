using System.Buffers.Binary;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Datasets;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

public class BenchmarkDatasetTests
{
    private static byte[] Sample() => BenchmarkDataset.ForClassification([2, 2], [1f, 2f, 3f, 4f, 5f, 6f, 7f, float.NaN], [3, -1]).Encode();

    private static void Rejects(byte[] bytes, string fragment, EvaluationLimits? limits = null)
    {
        var e = Assert.Throws<BenchmarkDatasetException>(() => BenchmarkDataset.Decode(bytes, limits ?? EvaluationLimits.Default));
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_classification_data()
    {
        var bytes = Sample();
        var d = BenchmarkDataset.Decode(bytes, EvaluationLimits.Default);
        Assert.Equal(2, d.SampleCount);
        Assert.Equal([2, 2], d.SampleShape);
        Assert.Equal(4, d.FeatureWidth);
        Assert.Equal(DatasetLabelKind.Int64, d.LabelKind);
        Assert.Equal([3L, -1L], d.ClassLabels!);
        Assert.True(float.IsNaN(d.Features.Span[7]));
        Assert.Equal(bytes, d.Encode());
        Assert.Equal(20 + 8 + 32 + 16, bytes.Length);
    }

    [Fact]
    public void Round_trips_regression_data()
    {
        var bytes = BenchmarkDataset.ForRegression([3], [1f, 2f, 3f], [0.25f]).Encode();
        var d = BenchmarkDataset.Decode(bytes, EvaluationLimits.Default);
        Assert.Equal(DatasetLabelKind.Float32, d.LabelKind);
        Assert.Equal([0.25f], d.Targets!);
        Assert.Equal(bytes, d.Encode());
    }

    [Fact]
    public void Rejects_a_wrong_magic() => Rejects([.. "DAIBENCX"u8, .. Sample()[8..]], "magic");

    [Fact]
    public void Rejects_an_unknown_version()
    {
        var bytes = Sample();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 2);
        Rejects(bytes, "format version 2");
    }

    [Fact]
    public void Rejects_non_zero_reserved_bytes()
    {
        var bytes = Sample();
        bytes[14] = 1;
        Rejects(bytes, "reserved");
    }

    [Fact]
    public void Rejects_trailing_and_missing_bytes()
    {
        Rejects([.. Sample(), 0], "header describes");
        Rejects(Sample()[..^1], "header describes");
    }

    [Fact]
    public void Rejects_unknown_feature_and_label_types()
    {
        var features = Sample();
        features[10] = 11;
        Rejects(features, "feature type 11");
        var labels = Sample();
        labels[11] = 6;
        Rejects(labels, "label type 6");
    }

    [Fact]
    public void Rejects_zero_samples_and_counts_over_the_limit()
    {
        var zero = Sample();
        BinaryPrimitives.WriteUInt32LittleEndian(zero.AsSpan(16), 0);
        Rejects(zero, "sample count 0");
        Rejects(Sample(), "sample count 2", EvaluationLimits.Default with { MaxSamples = 1 });
    }

    [Fact]
    public void Rejects_a_huge_declared_shape_before_allocating()
    {
        var bytes = Sample();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), uint.MaxValue);
        Rejects(bytes, "sample dimension");
    }

    [Fact]
    public void Rejects_non_finite_regression_targets()
    {
        var bytes = BenchmarkDataset.ForRegression([1], [1f], [1f]).Encode();
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(bytes.Length - 4), float.NaN);
        Rejects(bytes, "not finite");
    }

    [Fact]
    public void Rejects_a_dataset_over_the_size_limit() =>
        Rejects(Sample(), "limit", EvaluationLimits.Default with { MaxDatasetBytes = 16 });
}
