resource "aws_db_instance" "orders" {
  identifier          = "orders-${var.env}"
  engine              = "postgres"
  deletion_protection = true
  skip_final_snapshot = false
  tags = { Team = "payments", "cost-center" = 42 }

  lifecycle {
    prevent_destroy       = true
    create_before_destroy = false
    ignore_changes        = [tags["LastModified"]]
  }
}
