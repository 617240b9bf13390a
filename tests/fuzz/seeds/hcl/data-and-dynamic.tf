# comment
// another
/* block
   comment */
data "aws_iam_policy_document" "p" {
  dynamic "statement" {
    for_each = var.statements
    content {
      actions   = statement.value.actions
      resources = ["*"]
    }
  }
}

resource "aws_s3_bucket" "logs" {
  count         = var.enabled ? 1 : 0
  bucket        = "logs-${count.index}"
  force_destroy = !false && (1 + 2 * 3 >= 7 || null == null)
}
