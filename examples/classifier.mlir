// A two-layer classifier written with relax's tensor operators and a
// symbolic batch size: relax-legalize generates its tir kernels (one per
// distinct operator and signature), and --mlc-compile takes it to native
// code. Run it with
//   bash scripts/run-example.sh
// which checks it against examples/classifier_reference.py (numpy).
//
//   probabilities = softmax(relu(x @ w1 + b1) @ w2 + b2)

func.func @classifier(%x: !relax.tensor<[batch, 784], f32>,
                      %w1: !relax.tensor<[784, 128], f32>,
                      %b1: !relax.tensor<[128], f32>,
                      %w2: !relax.tensor<[128, 10], f32>,
                      %b2: !relax.tensor<[10], f32>)
    -> !relax.tensor<[batch, 10], f32>
    attributes {relax.function, relax.sym_bounds = {batch = array<i64: 1, 4096>}} {
  %probabilities = relax.dataflow -> !relax.tensor<[batch, 10], f32> {
    %h = relax.matmul %x, %w1
        : !relax.tensor<[batch, 784], f32>, !relax.tensor<[784, 128], f32>
    %hb = relax.add %h, %b1
        : !relax.tensor<[batch, 128], f32>, !relax.tensor<[128], f32>
    %a = relax.relu %hb : !relax.tensor<[batch, 128], f32>
    %y = relax.matmul %a, %w2
        : !relax.tensor<[batch, 128], f32>, !relax.tensor<[128, 10], f32>
    %yb = relax.add %y, %b2
        : !relax.tensor<[batch, 10], f32>, !relax.tensor<[10], f32>
    %p = relax.softmax %yb : !relax.tensor<[batch, 10], f32>
    relax.output %p : !relax.tensor<[batch, 10], f32>
  }
  return %probabilities : !relax.tensor<[batch, 10], f32>
}
