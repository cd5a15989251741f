from django.urls import path

from apps.items.apis import ItemDetailApi, ItemListApi

urlpatterns = [
    path("", ItemListApi.as_view(), name="items-list"),
    path("/<int:item_id>", ItemDetailApi.as_view(), name="items-detail"),
]
