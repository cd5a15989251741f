from rest_framework import serializers

from apps.users.models import User


class UserSerializer(serializers.Serializer[User]):
    # Declared rather than a ModelSerializer, whose fields DRF derives from the model again on every use.
    id = serializers.IntegerField(read_only=True)
    email = serializers.EmailField(read_only=True)
    full_name = serializers.CharField(read_only=True)
    role = serializers.ChoiceField(User.Role.choices, read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
