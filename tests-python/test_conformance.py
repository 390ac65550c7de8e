"""jupyter_kernel_test's conformance suite with every sample it knows set."""
import jupyter_kernel_test

from conftest import KERNEL_NAME


class NetBookKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "netbook"
    file_extension = ".netbook"

    code_hello_world = 'print "hello, world"'

    completion_samples = [
        {"text": "ten", "matches": {"tensor"}},
        {"text": "tensor s = sigm", "matches": {"sigmoid"}},
        {"text": "show netw", "matches": {"network"}},
    ]

    complete_code_samples = ["tensor x = [1, 2]", "print 1", "layer h = dense(2 -> 2, sigmoid)"]
    incomplete_code_samples = ["tensor x = [1,", "layer h = dense(2 -> 2,", "tensor w = [[1, 2],"]
    invalid_code_samples = ["tensor x = ]"]

    code_page_something = "help train"

    # Only the error: nothing runs before the failing statement.
    code_generate_error = "tensor y = no_such_tensor"

    # 1 + 2 is 3; the tensor result also carries HTML and JSON.
    code_execute_result = [
        {"code": "1 + 2", "mime": "application/vnd.netbook+json"},
        {"code": "tensor q = [[1, 2], [3, 4]]", "mime": "text/html"},
    ]
    code_display_data = [
        # Every statement but the last one is displayed along the way.
        {"code": "tensor a = [1, 2]\ntensor b = [3, 4]", "mime": "text/html"},
        {"code": "plot sigmoid from -5 to 5\nprint \"plotted\"", "mime": "image/svg+xml"},
    ]

    # A second step without a backward between warns (on stderr) that it reuses the gradients.
    code_stderr = """layer h = dense(1 -> 1, identity, weights: [[1]])
loss mse
forward [[1]], [[0]];
backward;
step;
step;"""

    # clear_output sends Jupyter's clear_output message.
    code_clear_output = 'print "soon gone"\nclear_output'

    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "sigmoid"
